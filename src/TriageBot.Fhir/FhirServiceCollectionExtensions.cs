using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TriageBot.Content;
using TriageBot.Fhir.Bundles;
using TriageBot.Fhir.Delivery;
using TriageBot.Fhir.Questionnaires;
using TriageBot.Runtime.Referrals;

namespace TriageBot.Fhir;

public static class FhirServiceCollectionExtensions
{
    /// <summary>The path the triage Questionnaire is served on.</summary>
    public const string QuestionnairePath = "/fhir/Questionnaire/triage";

    /// <summary>
    /// Binds and validates <c>Referrals:Fhir</c> at startup; when <c>BaseUrl</c> is set, adds the FHIR server as an
    /// <see cref="IReferralDestination"/> named <c>fhir</c>, with its token endpoint client and its own HTTP client.
    /// </summary>
    public static IServiceCollection AddFhirReferrals(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<FhirReferralOptions>().BindConfiguration(FhirReferralOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FhirReferralOptions>, FhirReferralOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new ReferralBundle(sp.GetRequiredService<IContentCatalog>(), sp.GetRequiredService<IOptions<FhirReferralOptions>>().Value));
        var section = configuration.GetSection(FhirReferralOptions.Section);
        if (string.IsNullOrWhiteSpace(section[nameof(FhirReferralOptions.BaseUrl)]))
        {
            return services;
        }

        var timeout = section.GetValue(nameof(FhirReferralOptions.Timeout), new FhirReferralOptions().Timeout);
        services.AddHttpClient(FhirTokenCache.HttpClientName, c => c.Timeout = timeout);
        services.AddHttpClient(FhirReferralDestination.HttpClientName, c => c.Timeout = timeout);
        services.TryAddSingleton<FhirTokenCache>();
        services.AddSingleton<IReferralDestination, FhirReferralDestination>();
        return services;
    }

    /// <summary>Serves the triage Questionnaire, generated from the loaded content, as FHIR JSON (public: it holds no one's data).</summary>
    public static IEndpointRouteBuilder MapFhirQuestionnaire(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(QuestionnairePath, (IContentCatalog content, IOptions<FhirReferralOptions> options) =>
        {
            var settings = options.Value;
            var questionnaire = TriageQuestionnaire.Create(content, new FhirCanonicals(settings.CanonicalBase), settings.Locale);
            return Results.Text(FhirJson.Serialize(questionnaire), FhirJson.MediaType);
        });
        return endpoints;
    }
}
