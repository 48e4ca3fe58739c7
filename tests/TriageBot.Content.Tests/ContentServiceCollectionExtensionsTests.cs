using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TriageBot.Content.Tests.Support;

namespace TriageBot.Content.Tests;

/// <summary>Startup: valid content is registered once; invalid content stops the app with every error listed.</summary>
public sealed class ContentServiceCollectionExtensionsTests
{
    [Fact]
    public void AddTriageContent_ValidContent_RegistersOneCatalogAndLogsVersionOnly()
    {
        var logs = new ListLoggerProvider();
        var services = new ServiceCollection().AddLogging(b => b.AddProvider(logs));

        services.AddTriageContent(ContentFixture.ValidDirectory, ContentFixture.Requirements);
        using var provider = services.BuildServiceProvider();

        var catalog = provider.GetRequiredService<IContentCatalog>();
        Assert.Same(catalog, provider.GetRequiredService<IContentCatalog>());
        Assert.Same(catalog, provider.GetRequiredService<ContentCatalog>());
        Assert.Equal("test-1", catalog.Version);
        var loaded = Assert.Single(logs.Entries);
        Assert.Equal(5000, loaded.EventId.Id);
        Assert.Contains("Version=test-1", loaded.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddTriageContent_KeysOnly_ValidatesAndRegisters()
    {
        using var provider = new ServiceCollection()
            .AddTriageContent(ContentFixture.ValidDirectory, ContentFixture.Requirements.Keys)
            .BuildServiceProvider();

        Assert.Equal("test-1", provider.GetRequiredService<IContentCatalog>().Version);
    }

    [Fact]
    public void AddTriageContent_InvalidContent_ThrowsListingEveryError()
    {
        using var fixture = ContentFixture.With(ContentFileNames.RedFlags, "hazard: HAZ-CES", "hazard: HAZ-CAUDA");
        File.WriteAllText(Path.Combine(fixture.Directory, ContentFileNames.Messages),
            File.ReadAllText(Path.Combine(fixture.Directory, ContentFileNames.Messages)).Replace("{clinicName}", "{clinic}", StringComparison.Ordinal));

        var error = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddTriageContent(fixture.Directory, ContentFixture.Requirements));

        Assert.Contains("the app will not start", error.Message, StringComparison.Ordinal);
        Assert.Contains("red-flags.yaml: rule 'ces': hazard 'HAZ-CAUDA' is not in hazard-log.yaml", error.Message, StringComparison.Ordinal);
        Assert.Contains("messages.yaml: 'welcome.intro': {clinic} is not a known placeholder", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddTriageContent_UnreadableContent_ThrowsWithFileAndLine()
    {
        using var fixture = ContentFixture.With(ContentFileNames.HazardLog, "hazards:", "hazard:");

        var error = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddTriageContent(fixture.Directory, ContentFixture.Requirements));

        Assert.Contains("hazard-log.yaml line 1, column 1: unknown field 'hazard'", error.Message, StringComparison.Ordinal);
        Assert.IsType<ContentLoadException>(error.InnerException);
    }

    [Fact]
    public void LoadValidated_InvalidContent_LogsCountAndEachContentError()
    {
        using var fixture = ContentFixture.With(ContentFileNames.RedFlags, "hazard: HAZ-CES", "hazard: HAZ-CAUDA");
        var logs = new ListLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.AddProvider(logs));

        Assert.Throws<InvalidOperationException>(() => ContentStartup.LoadValidated(fixture.Directory, ContentFixture.Requirements, factory.CreateLogger("test")));

        Assert.Equal(5001, logs.Entries[0].EventId.Id);
        Assert.All(logs.Entries.Skip(1), e => Assert.Equal(5002, e.EventId.Id));
        Assert.True(logs.Entries.Count >= 2);
    }

    private sealed class ListLoggerProvider : ILoggerProvider
    {
        public List<(EventId EventId, string Message)> Entries { get; } = [];

        public ILogger CreateLogger(string categoryName) => new ListLogger(Entries);

        public void Dispose()
        {
        }

        private sealed class ListLogger(List<(EventId EventId, string Message)> entries) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (eventId.Id is >= 5000 and < 6000)
                {
                    entries.Add((eventId, formatter(state, exception)));
                }
            }
        }
    }
}
