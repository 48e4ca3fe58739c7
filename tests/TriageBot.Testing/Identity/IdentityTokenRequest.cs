namespace TriageBot.Testing.Identity;

/// <summary>One client-credentials request as <see cref="FakeIdentityServer"/> received it.</summary>
public sealed record IdentityTokenRequest(string Tenant, string? GrantType, string? ClientId, string? ClientSecret, string? Scope);
