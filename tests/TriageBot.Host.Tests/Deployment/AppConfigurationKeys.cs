using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TriageBot.Runtime.State;

namespace TriageBot.Host.Tests.Deployment;

/// <summary>
/// The configuration keys the app really reads, recorded rather than listed: the real app is built and started with
/// a configuration source that answers nothing and notes every key asked for (each bound option property, each key
/// read directly) and every section enumerated (lists such as <c>AllowedOrigins</c>). A deployment file's environment
/// variable must name one of those keys, so a typo or a renamed option fails a test instead of being silently ignored.
/// The configuration binder only walks a section that has children, so each section above a variable gets a
/// meaningless <see cref="Probe"/> child: the binder then asks for every property of the section, the real ones.
/// </summary>
internal sealed class AppConfigurationKeys
{
    /// <summary>
    /// Keys the PostgreSQL provider (issue 12, branch i12-postgres) reads. Taken on trust, with the provider's name, only
    /// while this build refuses <c>Storage:Provider = Postgres</c>; once it knows the provider they are recorded like the rest.
    /// </summary>
    private static readonly string[] PostgresProviderKeys = ["ConnectionStrings:TriageBot"];

    private const string Probe = "RecordingProbe";

    private readonly ConcurrentDictionary<string, byte> _read = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, byte> _enumerated = new(StringComparer.OrdinalIgnoreCase);

    private AppConfigurationKeys()
    {
    }

    /// <summary>Storage providers this build accepts for <c>Storage:Provider</c>.</summary>
    public HashSet<string> StorageProviders { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Records what the app reads with the sections of <paramref name="variables"/> present.</summary>
    public static async Task<AppConfigurationKeys> RecordAsync(IEnumerable<string> variables)
    {
        var keys = new AppConfigurationKeys();
        var probes = variables.Select(ToKey).SelectMany(SectionProbes).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        foreach (var provider in new[] { "Sqlite", "InMemory", "Postgres" })
        {
            await keys.RecordProviderAsync(provider, probes);
        }

        // Host settings read from ASPNETCORE_* before any app code runs (ASPNETCORE_HTTP_PORTS is http_ports).
        foreach (var hostKey in typeof(WebHostDefaults).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetValue(null)!))
        {
            keys._read.TryAdd(hostKey, 0);
        }

        return keys;
    }

    /// <summary>Whether the environment variable <paramref name="name"/> sets a key the app reads.</summary>
    public bool IsRead(string name)
    {
        var key = ToKey(name);
        if (_read.ContainsKey(key))
        {
            return true;
        }

        // A list element (AllowedOrigins:0): its list was enumerated. The binder enumerates a scalar's section too, so
        // an index under a scalar (Secret:0) passes here; the app's own validation still refuses what it cannot bind.
        var parent = key.LastIndexOf(':');
        return parent > 0 && int.TryParse(key[(parent + 1)..], out _) && _enumerated.ContainsKey(key[..parent]);
    }

    private static string ToKey(string variable) =>
        variable.StartsWith("ASPNETCORE_", StringComparison.Ordinal)
            ? variable["ASPNETCORE_".Length..]
            : variable.Replace("__", ":", StringComparison.Ordinal);

    /// <summary>
    /// A probe child in every section above <paramref name="key"/>, except the list a list element is in (a probe
    /// there would be an element).
    /// </summary>
    private static IEnumerable<string> SectionProbes(string key)
    {
        var segments = key.Split(':');
        var sections = segments.Length - 1;
        if (sections > 0 && int.TryParse(segments[^1], out _))
        {
            sections--;
        }

        return Enumerable.Range(1, sections).Select(length => string.Join(':', segments.Take(length)) + ":" + Probe);
    }

    private async Task RecordProviderAsync(string provider, IEnumerable<string> probes)
    {
        var data = Directory.CreateTempSubdirectory("triagebot-keys-");
        try
        {
            WebApplication app;
            try
            {
                app = TriageBotApp.Build(["--urls", "http://127.0.0.1:0"], builder =>
                {
                    var settings = probes.ToDictionary(p => p, _ => (string?)"", StringComparer.OrdinalIgnoreCase);
                    settings["Storage:Provider"] = provider;
                    settings["Storage:DataDirectory"] = data.FullName;
                    if (provider == "Postgres")
                    {
                        // A connection string that parses (nothing connects: the store is only resolved), so the
                        // provider's options validate and every key it reads is recorded.
                        settings["ConnectionStrings:TriageBot"] = "Host=127.0.0.1;Database=triagebot-keys-probe";

                        // A fleet must share one Direct Line secret (the host refuses to generate one per instance).
                        settings["Channels:DirectLine:Secret"] = "keys-probe-direct-line-secret-0123456789abcdef";
                    }

                    builder.Configuration.AddInMemoryCollection(settings);
                    ((IConfigurationBuilder)builder.Configuration).Add(new RecordingSource(this));
                });
            }
            catch (InvalidOperationException unknown) when (provider == "Postgres" && unknown.Message.Contains("is not known", StringComparison.Ordinal))
            {
                foreach (var key in PostgresProviderKeys)
                {
                    _read.TryAdd(key, 0);
                }

                StorageProviders.Add(provider);

                return;
            }

            await using (app)
            {
                StorageProviders.Add(provider);
                if (provider == "Postgres")
                {
                    // No server here: resolving the store reads its settings; starting would connect.
                    _ = app.Services.GetService<IStateStore>();
                    return;
                }

                if (provider == "Sqlite")
                {
                    // Options validated on start are bound now; the other providers only differ in their store.
                    await app.StartAsync();
                    await app.StopAsync();
                }
            }
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }

    private sealed class RecordingSource(AppConfigurationKeys keys) : IConfigurationSource
    {
        public IConfigurationProvider Build(IConfigurationBuilder builder) => new RecordingProvider(keys);
    }

    private sealed class RecordingProvider(AppConfigurationKeys keys) : ConfigurationProvider
    {
        public override bool TryGet(string key, out string? value)
        {
            keys._read.TryAdd(key, 0);
            value = null;
            return false;
        }

        public override IEnumerable<string> GetChildKeys(IEnumerable<string> earlierKeys, string? parentPath)
        {
            if (parentPath is not null)
            {
                keys._enumerated.TryAdd(parentPath, 0);
            }

            return earlierKeys;
        }
    }
}
