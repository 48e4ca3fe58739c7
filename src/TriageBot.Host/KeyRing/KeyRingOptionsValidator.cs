using Microsoft.Extensions.Options;

namespace TriageBot.Host.KeyRing;

/// <summary>The key ring folder must be a folder: a file in its place would fail at the first referral instead.</summary>
internal sealed class KeyRingOptionsValidator : IValidateOptions<KeyRingOptions>
{
    public ValidateOptionsResult Validate(string? name, KeyRingOptions options) =>
        options.KeysPath is { } keysPath && File.Exists(keysPath)
            ? ValidateOptionsResult.Fail($"{KeyRingOptions.SectionName}:KeysPath '{keysPath}' is a file, not a folder.")
            : ValidateOptionsResult.Success;
}
