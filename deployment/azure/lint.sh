#!/usr/bin/env bash
# Lints and compiles main.bicep with the Bicep CLI from NuGet (Azure.Bicep.CommandLine.<rid>), restored into a
# scratch folder: no Azure CLI, no network beyond the package feed. Warnings fail the lint.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
version="${BICEP_VERSION:-0.49.2}"
case "$(uname -m)" in
  x86_64) rid=linux-x64 ;;
  aarch64) rid=linux-arm64 ;;
  *) echo "lint.sh: no Bicep CLI package for $(uname -m)" >&2; exit 2 ;;
esac
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
cat > "$scratch/bicep.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><TargetFramework>net10.0</TargetFramework><ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally></PropertyGroup>
  <ItemGroup><PackageDownload Include="Azure.Bicep.CommandLine.$rid" Version="[$version]" /></ItemGroup>
</Project>
XML
packages="${NUGET_PACKAGES:-$HOME/.nuget/packages}"
dotnet restore "$scratch/bicep.csproj" --packages "$packages" >/dev/null
bicep="$packages/azure.bicep.commandline.$rid/$version/tools/bicep"
chmod +x "$bicep"
"$bicep" --version
"$bicep" lint "$here/main.bicep" --diagnostics-format default 2>&1 | tee "$scratch/lint.txt"
if grep -qE '(Warning|Error) ' "$scratch/lint.txt"; then
  echo "lint.sh: main.bicep has warnings or errors" >&2
  exit 1
fi
"$bicep" build "$here/main.bicep" --stdout >/dev/null
"$bicep" build-params "$here/main.bicepparam" --stdout >/dev/null 2>&1 || {
  # build-params evaluates readEnvironmentVariable: give it placeholders.
  TRIAGEBOT_DIRECTLINE_SECRET=placeholder-placeholder-placeholder-0000 TRIAGEBOT_POSTGRES_PASSWORD=placeholder-password \
    "$bicep" build-params "$here/main.bicepparam" --stdout >/dev/null
}
echo "lint.sh: main.bicep and main.bicepparam lint and build clean"
