# Headless Chromium for the page tests: sourced after lib/assert.bash, with $TMP set.
# CHROMIUM is the browser (the test fails without one); browser ARGS... runs it headless,
# offline, with a fresh profile each time, its stderr appended to $BROWSER_LOG or
# $TMP/chromium.log.
CHROMIUM=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [ -z "$CHROMIUM" ]; then
  echo "FAIL: chromium not found (apt-get install chromium)"
  exit 1
fi

browser() {
  local profile
  profile=$(mktemp -d "$TMP/profile.XXXX")
  timeout 90 "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync --hide-scrollbars \
    --user-data-dir="$profile" "$@" 2>>"${BROWSER_LOG:-$TMP/chromium.log}"
}
