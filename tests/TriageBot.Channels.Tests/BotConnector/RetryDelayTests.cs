using TriageBot.Channels.BotConnector;

namespace TriageBot.Channels.Tests.BotConnector;

public sealed class RetryDelayTests
{
    private static readonly ConnectorRetryOptions Options = new()
    {
        BaseDelay = TimeSpan.FromSeconds(1),
        MaxDelay = TimeSpan.FromSeconds(8),
    };

    [Theory]
    [InlineData(1, 0.0, 500)]
    [InlineData(1, 1.0, 1000)]
    [InlineData(2, 0.0, 1000)]
    [InlineData(3, 0.5, 3000)]
    [InlineData(4, 1.0, 8000)]
    [InlineData(10, 1.0, 8000)]
    [InlineData(10, 0.0, 4000)]
    public void Compute_WithoutRetryAfter_IsCappedExponentialWithJitter(int attempt, double jitter, int expectedMs) =>
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), RetryDelay.Compute(attempt, null, Options, jitter));

    [Fact]
    public void Compute_WithRetryAfter_HonoursTheChannel() =>
        Assert.Equal(TimeSpan.FromSeconds(30), RetryDelay.Compute(1, TimeSpan.FromSeconds(30), Options, 0.3));

    [Fact]
    public void Compute_RetryAfterInThePast_IsZero() =>
        Assert.Equal(TimeSpan.Zero, RetryDelay.Compute(1, TimeSpan.FromSeconds(-5), Options, 0.3));
}
