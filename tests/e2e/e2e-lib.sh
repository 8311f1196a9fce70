# e2e-lib.sh: what the end-to-end scripts share, sourced (`. "$(dirname "$0")/e2e-lib.sh"`)
# by a script run under tests/with-display. (timer-keyboard.sh uses it; the older scripts
# still carry their own copies of these lines.)
#
#   e2e_require TOOL…      exit 77 (skip) when a tool is missing
#   e2e_setup              a private $tmp (and recent files in it), removed at exit with
#                          the app of $pid
#   fail MESSAGE           says why, shows the app's log ($tmp/log), exits 1
#   wait_for SECONDS COND  until the shell condition holds (SECONDS × TP_TEST_SLOWDOWN)
#   e2e_window NAME        waits for the app's window titled NAME, focuses it: $win
#   keys KEY…              real key presses

e2e_require () {
  for tool in "$@"; do
    if ! command -v "$tool" >/dev/null 2>&1; then
      echo "SKIP: $tool is not installed"
      exit 77
    fi
  done
}

e2e_setup () {
  tmp=$(mktemp -d)
  pid=
  trap e2e_cleanup EXIT INT TERM
  XDG_DATA_HOME="$tmp/data"
  export XDG_DATA_HOME
  mkdir -p "$XDG_DATA_HOME"
}

e2e_cleanup () {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$tmp"
}

fail () {
  echo "FAIL: $1"
  [ ! -s "$tmp/log" ] || cat "$tmp/log"
  exit 1
}

wait_for () {
  limit=$(($1 * 10 * ${TP_TEST_SLOWDOWN:-1})); shift
  i=0
  while ! eval "$1" && [ $i -lt $limit ]; do sleep 0.1; i=$((i + 1)); done
  eval "$1"
}

# A busy machine (the suite runs two tests at once) can take a while to show a window.
e2e_window () {
  win=$(timeout $((60 * ${TP_TEST_SLOWDOWN:-1})) xdotool search --sync --onlyvisible --name "$1" | head -n 1) || true
  [ -n "$win" ] || fail "no window named '$1' appeared"
  xdotool windowfocus --sync "$win"
}

keys () { xdotool key --clearmodifiers --delay 120 "$@"; }
