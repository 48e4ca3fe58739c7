using TriageBot.Host.Health;
using static TriageBot.Host.Tests.Deployment.DeploymentExpectations;

namespace TriageBot.Host.Tests.Deployment;

/// <summary>
/// <c>deployment/docker/Dockerfile</c>: what can be checked without a container engine. Building and running exactly
/// what it builds is <see cref="PublishedImageTests"/>.
/// </summary>
public sealed class DockerfileTests
{
    [Fact]
    public void Image_BuildsWithTheSdk_AndRunsOnTheAspNetRuntime()
    {
        var bases = Image.Instructions.Where(i => i.Keyword == "FROM").Select(i => i.Arguments.Split(' ')[0]).ToList();

        Assert.Contains("mcr.microsoft.com/dotnet/sdk:10.0", bases);
        Assert.Equal("mcr.microsoft.com/dotnet/aspnet:10.0", bases[^1]);
    }

    [Fact]
    public void Image_RunsAsANumericNonRootUser()
    {
        Assert.True(ImageUser > 0, "USER must be a non-zero uid, so Kubernetes can verify runAsNonRoot.");
    }

    [Fact]
    public void Image_ListensOnThePortItExposes()
    {
        Assert.Equal($"{ImagePort}", Image.Single("EXPOSE"));
        Assert.True(ImagePort > 1024, "A non-root user cannot bind a port below 1024.");
    }

    [Fact]
    public void Image_KeepsWhatTheAppWritesInItsVolume_SoTheRootFilesystemCanBeReadOnly()
    {
        Assert.Equal(ImageDataDirectory, Image.Single("VOLUME"));
        Assert.Contains(Image.RuntimeStage, i => i.Keyword == "RUN" && i.Arguments.Contains($"chown {ImageUser}:", StringComparison.Ordinal) && i.Arguments.Contains(ImageDataDirectory, StringComparison.Ordinal));
    }

    [Fact]
    public void HealthCheck_AsksTheLivenessEndpoint_OnTheImagesPort()
    {
        var check = Image.Single("HEALTHCHECK");

        Assert.Contains($"GET {HealthEndpoints.LivePath} ", check, StringComparison.Ordinal);
        Assert.Contains("${ASPNETCORE_HTTP_PORTS", check, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Image_EnvironmentNames_AreKeysTheAppReads()
    {
        await AssertAppReads("Dockerfile ENV", Image.RuntimeEnvironment);
    }
}
