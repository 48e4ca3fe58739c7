using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TriageBot.Runtime.Referrals;

namespace TriageBot.Host.Referrals;

public static class ReferralsServiceCollectionExtensions
{
    /// <summary>
    /// Referral delivery: the routes (one outbox entry per registered <see cref="IReferralDestination"/>, read on first
    /// use), the dispatcher and its background service (<c>Referrals:Dispatch</c>), and the webhook destination when
    /// <c>Referrals:Destinations:Webhook:Url</c> is set. Other destinations register themselves as
    /// <see cref="IReferralDestination"/> singletons, before or after this call.
    /// </summary>
    public static IServiceCollection AddReferralDelivery(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(sp => new ReferralRoutes(() => sp.GetServices<IReferralDestination>().Select(d => d.Name)));
        services.AddOptions<ReferralDispatchOptions>().BindConfiguration(ReferralDispatchOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ReferralDispatchOptions>, ReferralDispatchOptionsValidator>());
        services.TryAddSingleton<ReferralDispatcher>();
        services.AddHostedService<ReferralDispatchService>();

        if (!string.IsNullOrWhiteSpace(configuration[WebhookDestinationOptions.SectionName + ":Url"]))
        {
            services.AddOptions<WebhookDestinationOptions>().BindConfiguration(WebhookDestinationOptions.SectionName).ValidateOnStart();
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WebhookDestinationOptions>, WebhookDestinationOptionsValidator>());
            services.AddHttpClient(WebhookReferralDestination.HttpClientName);
            services.AddSingleton<IReferralDestination, WebhookReferralDestination>();
        }

        return services;
    }
}
