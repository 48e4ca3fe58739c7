using System.Collections.Frozen;

namespace TriageBot.Channels.BotConnector.Authentication;

/// <summary>
/// <see cref="BotAuthenticationOptions"/> checked and resolved once at startup: the cloud's defaults (public or US Gov)
/// with the configured overrides applied. A bad combination of keys fails here, naming the key, rather than as a 401
/// on the first request.
/// </summary>
internal sealed record BotAuthenticationSettings
{
    public const string GovernmentChannelService = "https://botframework.azure.us";

    /// <summary>The <c>appid</c> Bot Builder gives an unauthenticated skill; such tokens are skill tokens.</summary>
    public const string AnonymousSkillAppId = "AnonymousSkill";

    /// <summary>Emulator/skill issuers, both clouds (Bot Builder accepts the same list in each).</summary>
    private static readonly string[] KnownEmulatorIssuers =
    [
        "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/",
        "https://login.microsoftonline.com/d6d49420-f39b-4df7-a1dc-d59a935871db/v2.0",
        "https://sts.windows.net/f8cdef31-a31e-4b4a-93e4-5f571e91255a/",
        "https://login.microsoftonline.com/f8cdef31-a31e-4b4a-93e4-5f571e91255a/v2.0",
        "https://sts.windows.net/cab8a31a-1906-4287-a0d8-4eef66b95f6e/",
        "https://login.microsoftonline.us/cab8a31a-1906-4287-a0d8-4eef66b95f6e/v2.0",
        "https://login.microsoftonline.us/f8cdef31-a31e-4b4a-93e4-5f571e91255a/",
        "https://login.microsoftonline.us/f8cdef31-a31e-4b4a-93e4-5f571e91255a/v2.0",
    ];

    public required string AppId { get; init; }
    public string? AppPassword { get; init; }
    public string? TenantId { get; init; }
    public required BotAppType AppType { get; init; }
    public required bool IsGovernment { get; init; }

    public required string ChannelMetadataUrl { get; init; }
    public required string EmulatorMetadataUrl { get; init; }
    public required string ChannelIssuer { get; init; }

    /// <summary>The audience of tokens sent *by* bots to the Bot Framework; such a token is never a skill token.</summary>
    public required string BotFrameworkAudience { get; init; }

    /// <summary>IdentityModel refuses non-https metadata and JWKS; false only through the test hook
    /// <see cref="AllowHttpOpenIdMetadata"/>.</summary>
    public bool RequireHttpsMetadata { get; init; } = true;

    /// <summary>How soon an unknown kid may force another key refresh; shorter only in tests.</summary>
    public TimeSpan UnknownKidRefreshInterval { get; init; } = OpenIdSigningKeys.RefreshInterval;

    public required string CallerId { get; init; }
    public required FrozenSet<string> EmulatorIssuers { get; init; }

    /// <summary>The configured authority override (used as given), or null to build one from <see cref="LoginHost"/>.</summary>
    public string? LoginUrlOverride { get; init; }

    /// <summary>The AAD host the authority is built on when there is no override: <c>{LoginHost}/{tenant}</c>.</summary>
    public required string LoginHost { get; init; }

    public required string OAuthScope { get; init; }
    public required string ManagedIdentityEndpoint { get; init; }

    /// <summary><c>{authority}/oauth2/v2.0/token</c>; the tenant is ours for SingleTenant, else the Bot Framework's.</summary>
    public Uri TokenEndpoint
    {
        get
        {
            var tenant = AppType == BotAppType.SingleTenant
                ? TenantId
                : IsGovernment ? "MicrosoftServices.onmicrosoft.us" : "botframework.com";
            var authority = LoginUrlOverride ?? $"{LoginHost.TrimEnd('/')}/{tenant}";
            return new Uri($"{authority.TrimEnd('/')}/oauth2/v2.0/token", UriKind.Absolute);
        }
    }

    /// <summary>Managed identity asks for a resource, not a scope: the scope without <c>/.default</c>.</summary>
    public string ManagedIdentityResource => OAuthScope.EndsWith("/.default", StringComparison.Ordinal)
        ? OAuthScope[..^"/.default".Length]
        : OAuthScope;

    /// <summary>Parses the app type alone; empty means MultiTenant, as in Bot Builder.</summary>
    public static BotAppType ParseAppType(string? appType)
    {
        if (string.IsNullOrWhiteSpace(appType) || appType.Equals("MultiTenant", StringComparison.OrdinalIgnoreCase))
        {
            return BotAppType.MultiTenant;
        }

        if (appType.Equals("SingleTenant", StringComparison.OrdinalIgnoreCase))
        {
            return BotAppType.SingleTenant;
        }

        return appType.Equals("UserAssignedMSI", StringComparison.OrdinalIgnoreCase)
            ? BotAppType.UserAssignedMsi
            : throw new InvalidOperationException(
                $"MicrosoftAppType '{appType}' is not supported; use MultiTenant, SingleTenant or UserAssignedMSI.");
    }

    /// <summary>Checks the keys that matter when auth is on and resolves the cloud's endpoints.</summary>
    /// <exception cref="InvalidOperationException">A required key is missing or a value is not allowed.</exception>
    public static BotAuthenticationSettings Resolve(BotAuthenticationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var appType = ParseAppType(options.MicrosoftAppType);
        if (string.IsNullOrWhiteSpace(options.MicrosoftAppId))
        {
            throw new InvalidOperationException("MicrosoftAppId is required when authentication is on.");
        }

        ValidateCredentials(appType, options);
        var isGovernment = IsGovernmentCloud(options.ChannelService);
        var tenantId = string.IsNullOrWhiteSpace(options.MicrosoftAppTenantId) ? null : options.MicrosoftAppTenantId.Trim();
        var scope = Url(options.ToChannelFromBotOAuthScope, nameof(options.ToChannelFromBotOAuthScope))
            ?? (isGovernment ? "https://api.botframework.us/.default" : "https://api.botframework.com/.default");
        if (!scope.EndsWith("/.default", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("ToChannelFromBotOAuthScope must end in '/.default'.");
        }

        return new BotAuthenticationSettings
        {
            AppId = options.MicrosoftAppId.Trim(),
            AppPassword = options.MicrosoftAppPassword,
            TenantId = tenantId,
            AppType = appType,
            IsGovernment = isGovernment,
            ChannelMetadataUrl = Url(options.ToBotFromChannelOpenIdMetadataUrl, nameof(options.ToBotFromChannelOpenIdMetadataUrl))
                ?? (isGovernment
                    ? "https://login.botframework.azure.us/v1/.well-known/openidconfiguration"
                    : "https://login.botframework.com/v1/.well-known/openidconfiguration"),
            EmulatorMetadataUrl = Url(options.ToBotFromEmulatorOpenIdMetadataUrl, nameof(options.ToBotFromEmulatorOpenIdMetadataUrl))
                ?? (isGovernment
                    ? "https://login.microsoftonline.us/cab8a31a-1906-4287-a0d8-4eef66b95f6e/v2.0/.well-known/openid-configuration"
                    : "https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration"),
            ChannelIssuer = string.IsNullOrWhiteSpace(options.ToBotFromChannelTokenIssuer)
                ? (isGovernment ? "https://api.botframework.us" : "https://api.botframework.com")
                : options.ToBotFromChannelTokenIssuer.Trim(),
            BotFrameworkAudience = isGovernment ? "https://api.botframework.us" : "https://api.botframework.com",
            CallerId = isGovernment ? Schema.CallerIdConstants.USGovChannel : Schema.CallerIdConstants.PublicAzureChannel,
            EmulatorIssuers = EmulatorIssuersFor(appType, tenantId),
            LoginUrlOverride = Url(options.ToChannelFromBotLoginUrl, nameof(options.ToChannelFromBotLoginUrl)),
            LoginHost = isGovernment ? "https://login.microsoftonline.us" : "https://login.microsoftonline.com",
            OAuthScope = scope,
            ManagedIdentityEndpoint = Url(options.ManagedIdentityEndpoint, nameof(options.ManagedIdentityEndpoint))
                ?? "http://169.254.169.254/metadata/identity/oauth2/token",
        };
    }

    private static void ValidateCredentials(BotAppType appType, BotAuthenticationOptions options)
    {
        var hasPassword = !string.IsNullOrEmpty(options.MicrosoftAppPassword);
        var hasTenant = !string.IsNullOrWhiteSpace(options.MicrosoftAppTenantId);
        switch (appType)
        {
            case BotAppType.MultiTenant when !hasPassword:
                throw new InvalidOperationException("MicrosoftAppPassword is required for MicrosoftAppType MultiTenant.");
            case BotAppType.SingleTenant when !hasPassword:
                throw new InvalidOperationException("MicrosoftAppPassword is required for MicrosoftAppType SingleTenant.");
            case BotAppType.SingleTenant when !hasTenant:
                throw new InvalidOperationException("MicrosoftAppTenantId is required for MicrosoftAppType SingleTenant.");
            case BotAppType.UserAssignedMsi when !hasTenant:
                throw new InvalidOperationException("MicrosoftAppTenantId is required for MicrosoftAppType UserAssignedMSI.");
            case BotAppType.UserAssignedMsi when hasPassword:
                throw new InvalidOperationException(
                    "MicrosoftAppPassword must be empty for MicrosoftAppType UserAssignedMSI (the managed identity has no secret).");
            default:
                return;
        }
    }

    private static bool IsGovernmentCloud(string? channelService)
    {
        if (string.IsNullOrWhiteSpace(channelService))
        {
            return false;
        }

        return channelService.TrimEnd('/').Equals(GovernmentChannelService, StringComparison.OrdinalIgnoreCase)
            ? true
            : throw new InvalidOperationException(
                $"ChannelService '{channelService}' is not supported; leave it empty (public cloud) or use {GovernmentChannelService}.");
    }

    private static FrozenSet<string> EmulatorIssuersFor(BotAppType appType, string? tenantId)
    {
        var issuers = new List<string>(KnownEmulatorIssuers);
        if (appType == BotAppType.SingleTenant && tenantId is not null)
        {
            issuers.Add($"https://sts.windows.net/{tenantId}/");
            issuers.Add($"https://login.microsoftonline.com/{tenantId}/v2.0");
            issuers.Add($"https://login.microsoftonline.us/{tenantId}/v2.0");
        }

        return issuers.ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>An override must be an absolute http(s) URL; a typo should fail at startup, not on the first request.</summary>
    private static string? Url(string? value, string key)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? value.Trim()
            : throw new InvalidOperationException($"{key} must be an absolute http or https URL.");
    }
}
