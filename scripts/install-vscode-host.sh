#!/usr/bin/env bash
# Installs a real VS Code (code-server 4.100.3 = VS Code 1.100.3, the last line on Node 20) without any
# download outside the npm registry and Debian. It goes to a cache outside the clone (reused by later
# clones on the same machine) and .vscode-test/code-server links to it. A finished install leaves a stamp.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
version=4.100.3
dest="${ZOHO_VSCODE_HOST_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/zoho-crm-modules}/code-server-$version"
stamp="$dest/.installed-$version"
link() { mkdir -p "$here/.vscode-test"; ln -sfn "$dest" "$here/.vscode-test/code-server"; }
if [ -f "$stamp" ]; then link; exit 0; fi
echo "Installing the VS Code host (code-server $version) into $dest (about 3 minutes, once per machine)"

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
link
