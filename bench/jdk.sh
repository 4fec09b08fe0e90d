# Sourced by the bench scripts: pick_newest_jdk MIN prints the home of the newest JDK >= MIN
# found in JAVA_HOME, on PATH or under /usr/lib/jvm, /opt/java, ~/.sdkman (the places ./baton looks).
java_major() {
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n1
}
pick_newest_jdk() {
  local min=$1 best= best_v=0 c v candidates=()
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v java >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  fi
  for c in /usr/lib/jvm/*/ /opt/java/*/ "$HOME"/.sdkman/candidates/java/*/; do
    [ -d "$c" ] && candidates+=("${c%/}")
  done
  for c in "${candidates[@]}"; do
    [ -x "$c/bin/java" ] || continue
    v=$(java_major "$c/bin/java")
    if [ -n "$v" ] && [ "$v" -ge "$min" ] && [ "$v" -gt "$best_v" ]; then best=$c best_v=$v; fi
  done
  [ -n "$best" ] && echo "$best"
}
