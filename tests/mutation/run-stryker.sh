#!/usr/bin/env bash
# Mutation testing of the clinical rooms with Stryker.NET (see README.md here). Slow, so never part of CI.
#   tests/mutation/run-stryker.sh content   # the disposition engine: ContentCatalog.Evaluate and how rules are read
#   tests/mutation/run-stryker.sh dialogs   # the clinical files of dialogs/TriageBot.Dialogs (Flow/, Safety/)
#   tests/mutation/run-stryker.sh           # both, content first
# Reports go to artifacts/stryker/<scope>/reports (git-ignored). STRYKER=/path/to/dotnet-stryker to use your own.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
version=5.1.0

stryker="${STRYKER:-}"
if [[ -z "$stryker" ]]; then
  stryker="$root/artifacts/tools/dotnet-stryker"
  if [[ ! -x "$stryker" ]]; then
    dotnet tool install dotnet-stryker --version "$version" --tool-path "$root/artifacts/tools"
  fi
fi

# Stryker's --mutate takes a character span, {first..last} (characters, not bytes: the files hold a few UTF-8 arrows).
# The span of a member, from the line holding its first text to the line before the one holding the text of what
# follows, so the scope follows the code when lines move.
span() { # file, text on the first line, text on the line after the last (empty: to the end of the file)
  local first last
  first=$(grep -n -F -m1 -- "$2" "$1" | cut -d: -f1)
  if [[ -z "$3" ]]; then
    last=$(($(tail -n +"${first:-1}" "$1" | wc -l) + 2))
  else
    last=$(tail -n +"${first:-1}" "$1" | grep -n -F -m1 -- "$3" | cut -d: -f1)
  fi
  if [[ -z "$first" || -z "$last" ]]; then
    echo "span not found in $1: '$2' .. '$3'" >&2
    exit 1
  fi
  local from to
  from=$(head -n $((first - 1)) "$1" | LC_ALL=C.UTF-8 wc -m)
  to=$(head -n $((first + last - 2)) "$1" | LC_ALL=C.UTF-8 wc -m)
  printf '{%d..%d}' "$from" $((to - 1))
}

run() { # scope, test project folder, extra arguments
  local scope="$1" tests="$2"
  shift 2
  echo "== Stryker.NET $version: $scope (tests: $tests)"
  (cd "$root/tests/$tests" && "$stryker" --config-file "$here/stryker-config.json" --output "$root/artifacts/stryker/$scope" "$@")
}

content() {
  local catalog="$root/src/TriageBot.Content/ContentCatalog.cs"
  run content TriageBot.Content.Tests \
    --project TriageBot.Content.csproj \
    --test-project "$root/tests/TriageBot.Content.Tests/TriageBot.Content.Tests.csproj" \
    --mutate "**/ContentCatalog.cs$(span "$catalog" 'DispositionRules = [' 'Hazards = files.Hazards')" \
    --mutate "**/ContentCatalog.cs$(span "$catalog" 'public DispositionResult Evaluate(' 'public IReadOnlyList<RedFlagHit> DetectRedFlags')"
}

# The advice the person is given: each matched rule's advice said once, the medicine advice by level and pregnancy,
# and the emergency script. About 1 minute a mutant on the shared 2-core machine.
dialogs() {
  local flow="$root/dialogs/TriageBot.Dialogs/Flow"
  run dialogs TriageBot.Dialogs.Tests \
    --project TriageBot.Dialogs.csproj \
    --test-project "$root/tests/TriageBot.Dialogs.Tests/TriageBot.Dialogs.Tests.csproj" \
    --mutate "**/Flow/TriageFindings.cs$(span "$flow/TriageFindings.cs" 'public IReadOnlyList<string> TakeNewAdvice(' '/// <summary>Start over, stop, delete my data')" \
    --mutate "**/Flow/Outcomes.cs$(span "$flow/Outcomes.cs" 'public static void Disposition(' '')"
}

# The five clinical files whole (104 mutants): over an hour and a half here, so not run for the note; for a quiet machine.
dialogs_wide() {
  run dialogs-wide TriageBot.Dialogs.Tests \
    --project TriageBot.Dialogs.csproj \
    --test-project "$root/tests/TriageBot.Dialogs.Tests/TriageBot.Dialogs.Tests.csproj" \
    --mutate "**/Flow/Outcomes.cs" \
    --mutate "**/Flow/TriageFindings.cs" \
    --mutate "**/Flow/RedFlagScreen.cs" \
    --mutate "**/Safety/SafetyAnswer.cs" \
    --mutate "**/Safety/RedFlagInterruption.cs"
}

case "${1:-all}" in
  content) content ;;
  dialogs) dialogs ;;
  dialogs-wide) dialogs_wide ;;
  all) content; dialogs ;;
  *) echo "usage: $0 [content|dialogs|dialogs-wide|all]" >&2; exit 2 ;;
esac
