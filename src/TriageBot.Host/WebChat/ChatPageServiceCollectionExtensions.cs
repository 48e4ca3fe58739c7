using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace TriageBot.Host.WebChat;

public static class ChatPageServiceCollectionExtensions
{
    /// <summary>Branding (<c>Clinic</c>) and page settings (<c>WebChat</c>) for <see cref="ChatPageEndpoints.MapChatPage"/>.</summary>
    public static IServiceCollection AddChatPage(this IServiceCollection services)
    {
        services.AddOptions<ClinicOptions>()
            .BindConfiguration(ClinicOptions.SectionName)
            .Validate(o => !string.IsNullOrWhiteSpace(o.Name) && ClinicOptions.SafePhone(o.EmergencyNumber).Length > 0,
                "Clinic:Name must not be empty and Clinic:EmergencyNumber must be a phone number (digits, spaces, a leading +).")
            .ValidateOnStart();
        services.AddOptions<ChatPageOptions>()
            .BindConfiguration(ChatPageOptions.SectionName)
            .Validate(
                o => o.FrameAncestors.All(ChatPageSecurity.IsValidFrameAncestor),
                "WebChat:FrameAncestors may hold only origins like https://www.clinic.example (or 'self').")
            .ValidateOnStart();
        services.TryAddSingleton<ChatPageAssets>();
        services.TryAddSingleton(sp => new ChatPageSecurity(sp.GetRequiredService<IOptions<ChatPageOptions>>().Value));
        return services;
    }
}
