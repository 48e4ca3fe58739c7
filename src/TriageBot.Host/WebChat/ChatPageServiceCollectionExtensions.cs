using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace TriageBot.Host.WebChat;

public static class ChatPageServiceCollectionExtensions
{
    /// <summary>Branding (<c>Clinic</c>) and page settings (<c>WebChat</c>) for <see cref="ChatPageEndpoints.MapChatPage"/>.</summary>
    public static IServiceCollection AddChatPage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<ClinicOptions>().Bind(configuration.GetSection(ClinicOptions.SectionName));
        services.AddOptions<ChatPageOptions>()
            .Bind(configuration.GetSection(ChatPageOptions.SectionName))
            .Validate(
                o => o.FrameAncestors.All(ChatPageSecurity.IsValidFrameAncestor),
                "WebChat:FrameAncestors may hold only origins like https://www.clinic.example (or 'self').")
            .ValidateOnStart();
        services.TryAddSingleton<ChatPageAssets>();
        services.TryAddSingleton(sp => new ChatPageSecurity(sp.GetRequiredService<IOptions<ChatPageOptions>>().Value));
        return services;
    }
}
