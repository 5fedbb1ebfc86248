#!/usr/bin/env bash
# Installs a real VS Code (code-server 4.100.3 = VS Code 1.100.3, the last line on Node 20) into
# .vscode-test/code-server, without any download outside the npm registry and Debian.
# Idempotent: a finished install leaves a stamp and is reused.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
dest="$here/.vscode-test/code-server"
version=4.100.3
stamp="$dest/.installed-$version"
[ -f "$stamp" ] && exit 0

need_apt=()
command -v rg >/dev/null || need_apt+=(ripgrep)
command -v chromium >/dev/null || need_apt+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need_apt+=(libkrb5-dev)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "installing Debian packages: ${need_apt[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

mkdir -p "$dest"
cd "$dest"
[ -f package.json ] || echo '{"name":"vscode-host","private":true}' > package.json
# code-server's own postinstall downloads ripgrep and refuses root: install in steps instead.
npm install --no-audit --no-fund --loglevel=error "code-server@$version" --ignore-scripts
vs="$dest/node_modules/code-server/lib/vscode"
(cd "$vs" && npm install --no-audit --no-fund --loglevel=error --omit=dev --ignore-scripts)
mkdir -p "$vs/node_modules/@vscode/ripgrep/bin"
cp "$(command -v rg)" "$vs/node_modules/@vscode/ripgrep/bin/"
(cd "$vs" && npm_config_yes=true npm rebuild --loglevel=error)
ln -sfn node_modules "$vs/node_modules.asar"
(cd "$vs/extensions" && npm install --no-audit --no-fund --loglevel=error --omit=dev --ignore-scripts)
npm rebuild argon2 --loglevel=error
node node_modules/code-server/out/node/entry.js --version
touch "$stamp"
