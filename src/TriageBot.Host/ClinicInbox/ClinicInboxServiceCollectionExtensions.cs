using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TriageBot.Channels.Teams;
using TriageBot.Dialogs.Clinic;
using TriageBot.Runtime.ClinicInbox;
using TriageBot.Runtime.Referrals;
using TriageBot.Runtime.Turns;

namespace TriageBot.Host.ClinicInbox;

public static class ClinicInboxServiceCollectionExtensions
{
    /// <summary>
    /// The clinic's Teams channel as the referral inbox (<c>Clinic:Teams</c>), checked at startup. Only when
    /// <c>Clinic:Teams:Enabled</c> is true are the destination, staff actions and install capture registered; the
    /// outbox finds the destination among the registered <see cref="IReferralDestination"/>s.
    /// </summary>
    public static IServiceCollection AddClinicInbox(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ClinicInboxOptions>().BindConfiguration(ClinicInboxOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ClinicInboxOptions>, ClinicInboxOptionsValidator>());
        if (!configuration.GetValue<bool>($"{ClinicInboxOptions.SectionName}:Enabled"))
        {
            return services;
        }

        // SQLite registers its own store; this one serves the InMemory storage option.
        services.TryAddSingleton<IClinicInboxStore, InMemoryClinicInboxStore>();
        services.TryAddSingleton<IClinicChannel, TeamsClinicChannel>();
        services.TryAddSingleton(sp => new Dialogs.Clinic.ClinicInbox(
            sp.GetRequiredService<IOptions<ClinicInboxOptions>>().Value,
            sp.GetRequiredService<IClinicInboxStore>(),
            sp.GetRequiredService<IClinicChannel>(),
            sp.GetRequiredService<IReferralStore>(),
            sp.GetRequiredService<Dialogs.Referrals.IReferralProtector>(),
            sp.GetRequiredService<Content.IContentCatalog>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<Dialogs.Clinic.ClinicInbox>>()));
        services.AddSingleton<TeamsChannelDestination>();
        services.AddSingleton<IReferralDestination>(sp => sp.GetRequiredService<TeamsChannelDestination>());
        services.AddSingleton<ITurnMiddleware, ClinicChannelCapture>();
        return services;
    }
}

/// <summary>What <c>Clinic:Teams</c> must hold when it is on; checked at startup, messages name the keys.</summary>
internal sealed class ClinicInboxOptionsValidator : IValidateOptions<ClinicInboxOptions>
{
    public ValidateOptionsResult Validate(string? name, ClinicInboxOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        if (!Guid.TryParse(options.TenantId, out _))
        {
            failures.Add("TenantId must be the clinic's Entra tenant id (a GUID).");
        }

        if (options.ServiceUrl is { Length: > 0 } url
            && (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || !string.IsNullOrEmpty(uri.Query)))
        {
            failures.Add("ServiceUrl must be an absolute https URL (Teams' regional Bot Connector, e.g. https://smba.trafficmanager.net/emea/).");
        }

        var configured = new[] { options.ServiceUrl, options.TeamId, options.ChannelId }.Count(v => !string.IsNullOrWhiteSpace(v));
        if (configured is not (0 or 3))
        {
            failures.Add("ServiceUrl, TeamId and ChannelId are set together, or all left empty to capture them when the bot is installed in the clinic's team.");
        }

        if (options.StaffAadObjectIds.Count == 0 && !options.CheckChannelMembership)
        {
            failures.Add("StaffAadObjectIds must list staff (Entra object ids), or CheckChannelMembership must be true.");
        }

        if (options.StaffAadObjectIds.Any(id => !Guid.TryParse(id, out _)))
        {
            failures.Add("StaffAadObjectIds must be Entra object ids (GUIDs).");
        }

        if (options.PageSize is < 1 or > 50)
        {
            failures.Add("PageSize must be between 1 and 50.");
        }

        return failures.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(failures.Select(f => $"{ClinicInboxOptions.SectionName}: {f}"));
    }
}
