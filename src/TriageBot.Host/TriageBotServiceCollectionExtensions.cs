using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TriageBot.Channels.BotConnector;
using TriageBot.Content;
using TriageBot.Dialogs;
using TriageBot.Dialogs.Flow;
using TriageBot.Dialogs.Referrals;
using TriageBot.Fhir;
using TriageBot.Host.ClinicInbox;
using TriageBot.Host.Health;
using TriageBot.Host.Hosting;
using TriageBot.Host.KeyRing;
using TriageBot.Host.Observability;
using TriageBot.Host.Referrals;
using TriageBot.Host.Retention;
using TriageBot.Host.Teams;
using TriageBot.Runtime.Middleware;
using TriageBot.Runtime.Referrals;
using TriageBot.Runtime.State;
using TriageBot.Runtime.Telemetry;
using TriageBot.Runtime.Turns;
using TriageBot.Storage.Postgres;
using TriageBot.Storage.Sqlite;

namespace TriageBot.Host;

/// <summary>Everything the bot needs, in one place; the order of middleware here is the order they run in.</summary>
public static class TriageBotServiceCollectionExtensions
{
    public static IServiceCollection AddTriageBot(this IServiceCollection services, IConfiguration configuration, string contentRootPath)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddProblemDetails();
        services.AddBotConnector(configuration);

        var content = ContentDirectory(configuration);
        services.AddTriageContent(content, new ContentRequirements(ContentKeys.All, ContentKeys.Findings.All, ContentKeys.PromptChoices, ContentKeys.MessageArguments));
        services.AddDataDirectory(contentRootPath);
        services.AddKeyRing(configuration, contentRootPath);
        services.TryAddSingleton<IReferralProtector, DataProtectionReferralProtector>();

        // The apology for a failed turn is content too; the middleware fills in the error id.
        services.TryAddSingleton(sp => new TurnErrorOptions
        {
            Message = sp.GetRequiredService<IContentCatalog>().Text("error.turn", null, new Dictionary<string, string> { ["errorId"] = "{0}" }),
        });
        services.AddOptions<ShowTypingOptions>()
            .BindConfiguration("Runtime:ShowTyping")
            .Validate(o => o.Delay > TimeSpan.Zero && o.Period > TimeSpan.Zero, "Runtime:ShowTyping: Delay and Period must be positive.")
            .ValidateOnStart();
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<ShowTypingOptions>>().Value);
        services.AddSingleton<ITurnMiddleware, TurnErrorMiddleware>();
        services.AddTeamsTenantGate();
        services.AddSingleton<ITurnMiddleware, ShowTypingMiddleware>();
        services.AddSingleton<ITurnMiddleware, RemoveRecipientMentionMiddleware>();
        services.TryAddSingleton<IBot>(sp => Dialogs.TriageBot.Create(
            new TriageServices(
                sp.GetRequiredService<IContentCatalog>(),
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<IReferralStore>(),
                sp.GetRequiredService<IReferralProtector>(),
                sp.GetRequiredService<ILoggerFactory>().CreateLogger("TriageBot.Dialogs"))
            {
                Metrics = sp.GetRequiredService<TriageMetrics>(),
                Routes = sp.GetRequiredService<ReferralRoutes>(),
                Outbox = sp.GetService<IReferralOutbox>(),
                Clinic = sp.GetService<Dialogs.Clinic.ClinicInbox>(),
            },
            sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton<TurnPipeline>();
        services.AddStateStore(configuration, contentRootPath);
        services.AddReferralDelivery(configuration);
        services.AddClinicInbox(configuration);
        services.AddStateRetention();
        services.AddOptions<TurnRunnerOptions>()
            .BindConfiguration("Runtime:Turns")
            .Validate(o => o.MaxConflictRetries is >= 1 and <= 10, "Runtime:Turns: MaxConflictRetries must be between 1 and 10.")
            .ValidateOnStart();
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<TurnRunnerOptions>>().Value);
        services.AddSingleton<TurnRunner>();
        services.AddTelemetry(configuration);
        services.AddTriageBotHealthChecks();
        services.AddFhirReferrals(configuration);
        services.AddHostedService<RecognizerWarmup>();
        return services;
    }

    /// <summary>
    /// <c>Storage:Provider</c> picks the state store: <c>Sqlite</c> (default: one local file, no server needed),
    /// <c>Postgres</c> (one database for many instances) or <c>InMemory</c> (forgets everything on restart). A store registered earlier (by a test) wins.
    /// </summary>
    private static void AddStateStore(this IServiceCollection services, IConfiguration configuration, string contentRootPath)
    {
        if (services.Any(s => s.ServiceType == typeof(IStateStore)))
        {
            return;
        }

        var provider = configuration["Storage:Provider"] ?? "Sqlite";
        switch (provider.ToUpperInvariant())
        {
            case "SQLITE":
                services.AddSqliteStateStore(contentRootPath);
                break;
            case "POSTGRES":
                services.AddPostgresStorage();
                break;
            case "INMEMORY":
                services.AddSingleton<IStateStore, InMemoryStateStore>();
                services.AddSingleton(sp => new InMemoryReferralStore(sp.GetRequiredService<ReferralRoutes>()));
                services.AddSingleton<IReferralStore>(sp => sp.GetRequiredService<InMemoryReferralStore>());
                services.AddSingleton<IReferralOutbox>(sp => sp.GetRequiredService<InMemoryReferralStore>());
                break;
            default:
                throw new InvalidOperationException($"Storage:Provider '{provider}' is not known; use Sqlite, Postgres or InMemory.");
        }
    }

    /// <summary>The clinical content: copied next to the app at build; <c>Content:Directory</c> points elsewhere.</summary>
    private static string ContentDirectory(IConfiguration configuration) =>
        configuration["Content:Directory"] is { Length: > 0 } directory ? directory : Path.Combine(AppContext.BaseDirectory, "content");
}
