using Microsoft.Extensions.Options;
using TriageBot.Runtime.Middleware;

namespace TriageBot.Host.Teams;

/// <summary>Every allowed tenant must be a tenant id (a GUID): a tenant's name or domain would never match.</summary>
public sealed class TeamsTenantOptionsValidator : IValidateOptions<TeamsTenantOptions>
{
    public ValidateOptionsResult Validate(string? name, TeamsTenantOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var bad = options.AllowedTenants.Where(t => !Guid.TryParse(t, out _)).ToList();
        if (bad.Count > 0)
        {
            return ValidateOptionsResult.Fail($"{TeamsTenantOptions.Section}:AllowedTenants: each entry must be a tenant id (a GUID); {bad.Count} are not.");
        }

        return string.IsNullOrWhiteSpace(options.RefusalMessage)
            ? ValidateOptionsResult.Fail($"{TeamsTenantOptions.Section}: the refusal message is empty.")
            : ValidateOptionsResult.Success;
    }
}
