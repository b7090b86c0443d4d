#!/usr/bin/env bash
# `npm start`: the HTTPS dev server on https://localhost:3000 (the add-in and the in-browser preview), after
# installing what is missing. Prints where to look and how to sideload manifest.xml into Word.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh

URL="https://localhost:3000"
MANIFEST="$(pwd)/manifest.xml"
cat <<INFO

Scrutiny Monitoring for Word: development server
  Preview (the pane beside a sample document, no Word needed):  $URL/preview.html
  Task pane (what Word loads; outside Word it says so):          $URL/taskpane.html
  Manifest:                                                      $MANIFEST

Sideload the add-in (the dev server must be running, and Word must trust the certificate):
  Word on the web:  open a document, then Insert > Add-ins (or Home > Add-ins) > More Add-ins >
                    Upload My Add-in > Browse… > manifest.xml > Upload.
  Windows:          share a folder holding manifest.xml (e.g. \\\\machine\\addins), add it in Word under
                    File > Options > Trust Center > Trust Center Settings > Trusted Add-in Catalogs with
                    "Show in Menu", restart Word, then Insert > My Add-ins > Shared Folder.
                    Or, on a machine with Word: npx office-addin-debugging start manifest.xml desktop
  Mac:              mkdir -p ~/Library/Containers/com.microsoft.Word/Data/Documents/wef
                    cp manifest.xml ~/Library/Containers/com.microsoft.Word/Data/Documents/wef/
                    then restart Word and choose Insert > Add-ins > My Add-ins.
  If the browser or Word on the web refuses the certificate, open $URL/taskpane.html once and accept it.
  The button is Home > Check monitoring. Stop the server with Ctrl+C.

INFO
exec npx webpack serve --mode development
