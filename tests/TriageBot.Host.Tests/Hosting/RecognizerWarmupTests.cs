using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TriageBot.Host.Hosting;
using TriageBot.Host.Tests.Support;
using TriageBot.Recognizers;

namespace TriageBot.Host.Tests.Hosting;

/// <summary>Issue 11: the official recognizer models are built when the host starts, not on a patient's first answer.</summary>
public sealed class RecognizerWarmupTests
{
    [Fact]
    public async Task HostStart_BuildsTheRecognizerModels_BeforeTheFirstAnswer()
    {
        await using var host = await EdgeHost.StartAsync();

        Assert.Contains(host.Services.GetServices<IHostedService>(), s => s is RecognizerWarmup);
        Assert.Equal(7, NumberRecognizer.RecognizeScore("seven out of ten").Value);
    }
}
