namespace TriageBot.Testing.Identity;

/// <summary>One managed identity token request as <see cref="FakeIdentityServer"/> received it.</summary>
public sealed record ManagedIdentityTokenRequest(string? ApiVersion, string? Resource, string? ClientId, string? MetadataHeader);
