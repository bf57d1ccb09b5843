#!/usr/bin/env bash
# One-shot setup on Debian/Ubuntu: system packages the project and its tests use, then the npm install and build.
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian packages, each with the reason it is here.
DEB_PACKAGES=(
  python3-can   # independent CAN peer in the tests (python-can talks SLCAN and socketcand to `cabin sim`)
  socat         # makes a pseudo-terminal pair so the serial SLCAN path is tested without a USB adapter
  python3-torch # trains the Cabin LM (models/training/); CI runs a tiny smoke training so the pipeline cannot rot
  python3-onnx  # ONNX export checks and the int8 quantization graph rewrite
  libopenblas0-pthread  # without it torch falls back to the reference BLAS and trains ~8x slower
  libpocketsphinx3      # the on-device speech recogniser, called through the koffi FFI (models/speech/)
  pocketsphinx-en-us    # its English acoustic model and CMU dictionary
  pocketsphinx-testdata # real human recordings the recogniser binding is tested on
  sphinxtrain           # voice enrolment (`cabin enrol`): Baum-Welch alignment and MAP adaptation of the acoustic model
  sphinxbase-utils      # sphinx_fe, the feature extraction enrolment feeds SphinxTrain with
  pocketsphinx          # pocketsphinx_mdef_convert: the text model definition SphinxTrain reads
  espeak-ng             # spoken replies, and synthetic speech for the voice tests and benchmark
  sox                   # resampling, mixing and noise for the synthetic cabin recordings
  chromium              # runs the head-unit renderer in the end-to-end tests (playwright-core drives it; Electron's binary cannot be downloaded here)
  fonts-wqy-microhei    # a CJK font, so the UI's Mandarin labels render in Chromium and in screenshots
)

need=()
for p in "${DEB_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || need+=("$p")
done
if [ ${#need[@]} -gt 0 ]; then
  echo "setup: installing Debian packages: ${need[*]}"
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}"
else
  echo "setup: Debian packages already present"
fi

# The Electron binary cannot be downloaded on every machine; the app falls back to a browser UI without it.
export ELECTRON_SKIP_BINARY_DOWNLOAD=1
echo "setup: npm ci"
npm ci --no-audit --no-fund
echo "setup: build"
npm run build --silent
echo "setup: done. Try: npx cabin --help"
