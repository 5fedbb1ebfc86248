const { chromium } = require('playwright-core');
const { chromiumPath, CHROMIUM_ARGS } = require('./out/test/integration/host');
const url = process.argv[2];
const shot = (page, name) => page.screenshot({ path: `/tmp/walk/${name}.png` });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
(async () => {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(url);
  await sleep(8000);
  const palette = async (command) => {
    await page.keyboard.press('F1'); await sleep(600);
    await page.keyboard.type(command); await sleep(800);
    await page.keyboard.press('Enter'); await sleep(1200);
  };
  const pickText = async (text) => { await page.keyboard.type(text); await sleep(500); await page.keyboard.press('Enter'); await sleep(800); };
  // Open stocks file via quick open
  await page.keyboard.press('Control+p'); await sleep(600); await page.keyboard.type('stocks.crm-module.json'); await sleep(600); await page.keyboard.press('Enter'); await sleep(2500);
  await shot(page, '1-stocks');
  // Sign in with a Self Client code
  const code = (await (await fetch('http://127.0.0.1:47110/__standin/self-client-code', { method: 'POST', body: '{}' })).json()).code;
  await palette('Zoho CRM: Sign In');
  await shot(page, '2-signin-method');
  await pickText('Paste a Self Client');
  await shot(page, '3-signin-dc');
  await pickText('United States');
  await pickText('Production');
  await shot(page, '4-client-id');
  await page.keyboard.type('1000.LOCALSTANDIN0000000000000000'); await page.keyboard.press('Enter'); await sleep(700);
  await page.keyboard.type('local-stand-in-client-secret-0000000000'); await page.keyboard.press('Enter'); await sleep(700);
  await page.keyboard.type(code); await page.keyboard.press('Enter'); await sleep(5000);
  await shot(page, '5-signed-in');
  // Profile completion: go to line 8 col 25 (inside the id)
  await page.keyboard.press('Control+g'); await sleep(400); await page.keyboard.type('8:28'); await page.keyboard.press('Enter'); await sleep(600);
  await page.keyboard.press('Control+Space'); await sleep(1500);
  await shot(page, '6-profile-completion');
  await page.keyboard.press('Escape'); await sleep(300);
  // Create Module: production question
  await palette('Zoho CRM: Create Module');
  await sleep(1500);
  await shot(page, '7-create-question');
  const create = page.locator('.monaco-dialog-box .monaco-button', { hasText: 'Create' });
  if (await create.count()) { await create.first().click(); await sleep(3000); }
  await shot(page, '8-created');
  // Pull Shipments
  await palette('Zoho CRM: Pull Module');
  await sleep(1000);
  await shot(page, '9-pull-pick');
  await pickText('Shipments');
  await sleep(2500);
  await shot(page, '10-pulled');
  // change label: line 3 replace Shipments with Parcels
  await page.keyboard.press('Control+h'); await sleep(600);
  await page.keyboard.type('"Shipments",'); await page.keyboard.press('Tab'); await sleep(300);
  await page.keyboard.type('"Cargo",'); await sleep(300);
  await page.keyboard.press('Control+Alt+Enter'); await sleep(800); await page.keyboard.press('Escape'); await sleep(500);
  await page.keyboard.press('Control+s'); await sleep(800);
  await palette('Zoho CRM: Update Module');
  await sleep(2500);
  await shot(page, '11-update-question');
  const update = page.locator('.monaco-dialog-box .monaco-button', { hasText: 'Update' });
  if (await update.count()) { await update.first().click(); await sleep(3000); }
  await shot(page, '12-updated');
  await browser.close();
})().catch((e) => { console.error(e); process.exit(1); });
