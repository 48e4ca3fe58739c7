using Hl7.Fhir.Model;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TriageBot.Fhir.Tests.Support;
using TriageBot.Runtime.Referrals;
using TriageBot.Testing;
using Task = System.Threading.Tasks.Task;

namespace TriageBot.Fhir.Tests;

/// <summary>The FHIR option in the real app: off unless configured, refused at start when unsafe, the Questionnaire always served.</summary>
public sealed class FhirHostTests
{
    [Fact]
    public async Task HostWithoutFhirSettings_HasNoFhirDestination_AndServesThePublishedQuestionnaire()
    {
        await using var host = await BotHost.StartAsync();

        using var response = await host.Client.GetAsync(new Uri(FhirServiceCollectionExtensions.QuestionnairePath, UriKind.Relative));

        Assert.DoesNotContain(host.Services.GetServices<IReferralDestination>(), d => d.Name == "fhir");
        Assert.Equal(FhirJson.MediaType, response.Content.Headers.ContentType?.MediaType);
        var served = FhirJson.Deserialize<Questionnaire>(await response.Content.ReadAsStringAsync())!;
        var published = FhirJson.Deserialize<Questionnaire>(await File.ReadAllTextAsync(RepoPaths.PublishedQuestionnaire))!;
        Assert.Equal(FhirJson.Serialize(published), FhirJson.Serialize(served));
    }

    [Fact]
    public async Task HostWithFhirSettings_DeliversToTheFhirServerAsADestination()
    {
        await using var host = await BotHost.StartAsync(Settings("https://fhir.clinic.example/r4", "https://login.clinic.example/token"));

        Assert.Contains(host.Services.GetServices<IReferralDestination>(), d => d.Name == "fhir");
    }

    [Theory]
    [InlineData("http://fhir.clinic.example/r4", "https://login.clinic.example/token", "BaseUrl must be an absolute https URL")]
    [InlineData("https://fhir.clinic.example/r4", "http://login.clinic.example/token", "TokenEndpoint must be an absolute https URL")]
    [InlineData("https://fhir.clinic.example/r4", "https://login.clinic.example/token", "ClientId and ClientSecret are required", "")]
    public async Task HostWithUnsafeOrIncompleteFhirSettings_RefusesToStart_NamingTheKey(string baseUrl, string tokenEndpoint, string message, string secret = "s3cret")
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => BotHost.StartAsync(Settings(baseUrl, tokenEndpoint, secret)));

        Assert.Contains($"Referrals:Fhir:{message}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlainHttpToThisMachine_IsAllowed_ForALocalFhirServer()
    {
        await using var host = await BotHost.StartAsync(Settings("http://127.0.0.1:8080/fhir", "http://localhost:8080/token"));

        Assert.Contains(host.Services.GetServices<IReferralDestination>(), d => d.Name == "fhir");
    }

    private static Dictionary<string, string?> Settings(string baseUrl, string tokenEndpoint, string secret = "s3cret") => new()
    {
        ["Referrals:Fhir:BaseUrl"] = baseUrl,
        ["Referrals:Fhir:TokenEndpoint"] = tokenEndpoint,
        ["Referrals:Fhir:ClientId"] = "triagebot",
        ["Referrals:Fhir:ClientSecret"] = secret,
    };
}
