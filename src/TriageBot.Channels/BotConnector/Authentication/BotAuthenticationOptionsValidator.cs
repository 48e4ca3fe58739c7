using Microsoft.Extensions.Options;

namespace TriageBot.Channels.BotConnector.Authentication;

/// <summary>
/// The Bot Builder key combinations, checked at startup (<c>ValidateOnStart</c>) so a misconfigured bot never starts,
/// and the failure names the missing or wrong key (never its value).
/// </summary>
internal sealed class BotAuthenticationOptionsValidator : IValidateOptions<BotAuthenticationOptions>
{
    public ValidateOptionsResult Validate(string? name, BotAuthenticationOptions options)
    {
        try
        {
            if (!options.IsAuthenticationDisabled)
            {
                BotAuthenticationSettings.Resolve(options);
            }
            else if (BotAuthenticationSettings.ParseAppType(options.MicrosoftAppType) == BotAppType.UserAssignedMsi)
            {
                // Bot Builder: a managed identity bot can never run with auth off, so a missing id is an error there.
                return ValidateOptionsResult.Fail("MicrosoftAppId (the managed identity's client id) is required for MicrosoftAppType UserAssignedMSI.");
            }

            return ValidateOptionsResult.Success;
        }
        catch (InvalidOperationException e)
        {
            // Resolve's messages name keys and allowed values only.
            return ValidateOptionsResult.Fail(e.Message);
        }
    }
}
