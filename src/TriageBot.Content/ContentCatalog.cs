using System.Collections.Concurrent;
using TriageBot.Content.Detection;
using TriageBot.Content.HazardLog;
using TriageBot.Content.Localization;
using TriageBot.Content.Model;
using TriageBot.Content.Yaml;

namespace TriageBot.Content;

/// <summary>
/// The content, loaded by <see cref="ContentLoader"/>. Immutable and thread-safe; register one per app. Asking for a
/// key that does not exist, or leaving a placeholder unfilled, throws: those are programmer errors that
/// <see cref="ContentValidator"/> finds at startup.
/// </summary>
public sealed class ContentCatalog : IContentCatalog
{
    private readonly Dictionary<string, LocaleSettings> _locales;
    private readonly LocaleResolver _resolver;
    private readonly RedFlagTable _redFlags;
    private readonly OfferedAnswerReadings _offeredAnswers;

    /// <summary>Prompts by key and resolved locale: content is immutable, so each is built once.</summary>
    private readonly ConcurrentDictionary<(string Key, string Locale), PromptContent> _prompts = new();

    internal ContentCatalog(ContentFiles files)
    {
        Files = files;
        var manifest = files.Manifest;
        Version = manifest.Version ?? string.Empty;
        DefaultLocale = manifest.DefaultLocale ?? string.Empty;
        _locales = (manifest.Locales ?? []).ToDictionary(
            l => l.Key, l => ToSettings(l.Key, l.Value), StringComparer.OrdinalIgnoreCase);
        LocaleNames = [.. (manifest.Locales ?? []).Keys];
        _resolver = new LocaleResolver(LocaleNames, DefaultLocale);
        Messages = new Dictionary<string, LocalizedText>(files.Messages.Messages ?? [], StringComparer.Ordinal);
        Prompts = new Dictionary<string, PromptYaml>(files.Prompts.Prompts ?? [], StringComparer.Ordinal);
        EducationDefinitions = files.Education.Education ?? [];
        _redFlags = new RedFlagTable(files.RedFlags.RedFlags ?? [], files.Context);
        DispositionRules = [.. (files.Dispositions.Rules ?? []).Select(r => new DispositionRule(
            r.Id, r.When ?? [], r.Level ?? DispositionLevel.Emergency, r.Hazard, string.IsNullOrWhiteSpace(r.Advice) ? null : r.Advice,
            string.IsNullOrWhiteSpace(r.Outcome) ? null : r.Outcome))];
        Hazards = files.Hazards.Hazards ?? [];
        Golden = files.Golden.Utterances ?? [];
        CitationDefinitions = files.Sources.Citations ?? [];
        Citations = CitationDefinitions
            .GroupBy(c => c.Id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => ToCitation(g.First()), StringComparer.Ordinal);
        SourceKeys = new Dictionary<string, List<string>>(files.Sources.Sources ?? [], StringComparer.Ordinal);
        _offeredAnswers = new OfferedAnswerReadings(OfferedAnswerTexts(), _redFlags.Detector.Read);
    }

    public string Version { get; }

    /// <summary>The locale used when a channel's locale matches none (manifest <c>defaultLocale</c>).</summary>
    public string DefaultLocale { get; }

    /// <summary>The locales manifest.yaml defines, in file order.</summary>
    public IReadOnlyList<string> LocaleNames { get; }

    public IReadOnlyList<RedFlagRule> RedFlags => _redFlags.Rules;

    /// <summary>The disposition table, in file order.</summary>
    public IReadOnlyList<DispositionRule> DispositionRules { get; }

    internal ContentFiles Files { get; }

    internal IReadOnlyDictionary<string, LocalizedText> Messages { get; }

    internal IReadOnlyDictionary<string, PromptYaml> Prompts { get; }

    internal IReadOnlyList<EducationYaml> EducationDefinitions { get; }

    internal RedFlagTable RedFlagTable => _redFlags;

    /// <summary>The hazard log (hazard-log.yaml), in file order.</summary>
    internal IReadOnlyList<HazardYaml> Hazards { get; }

    /// <summary>The hazard ids a red-flag or disposition rule names: these must have controls and tests.</summary>
    internal IReadOnlySet<string> HazardsUsedByContent =>
        _redFlags.Definitions.Select(r => r.Hazard)
            .Concat(DispositionRules.Select(r => r.Hazard))
            .OfType<string>()
            .Where(h => h.Length > 0)
            .ToHashSet(StringComparer.Ordinal);

    internal IReadOnlyList<GoldenUtterance> Golden { get; }

    internal IReadOnlyList<CitationYaml> CitationDefinitions { get; }

    /// <summary>Citations by id (the first of a duplicated id; the validator reports the duplicate).</summary>
    internal IReadOnlyDictionary<string, Citation> Citations { get; }

    /// <summary>sources.yaml <c>sources</c>: message key → citation ids, as written.</summary>
    internal IReadOnlyDictionary<string, List<string>> SourceKeys { get; }

    public IReadOnlyList<Citation> Sources(string key)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        return SourceKeys.TryGetValue(key, out var ids) ? Cite(ids) : [];
    }

    public string HazardName(string hazardId) =>
        Hazards.FirstOrDefault(h => h.Id == hazardId) is { } hazard
            ? hazard.Summary is { Length: > 0 } summary ? summary : hazard.Name ?? hazardId
            : hazardId;

    /// <summary>Counts of hazards, controls and tests in the hazard log (for the safety case and release notes).</summary>
    public HazardLogSummary HazardLogSummary()
    {
        var used = HazardsUsedByContent;
        var tests = Hazards.SelectMany(h => h.Tests ?? []).ToList();
        return new HazardLogSummary(
            Hazards.Count,
            Hazards.Count(h => used.Contains(h.Id)),
            Hazards.Sum(h => h.Controls?.Count ?? 0),
            tests.Count,
            tests.Distinct(StringComparer.Ordinal).Count(),
            Hazards.Count(h => string.Equals(h.Status, "open", StringComparison.OrdinalIgnoreCase)),
            Hazards.Count(h => h.Tests is not { Count: > 0 }));
    }

    public LocaleSettings Locale(string? locale)
    {
        var name = _resolver.Resolve(locale);
        return _locales.TryGetValue(name, out var settings)
            ? settings
            : throw new InvalidOperationException($"The content defines no locale '{name}' (manifest.yaml locales).");
    }

    public string Text(string key, string? locale, IReadOnlyDictionary<string, string>? args = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        if (!Messages.TryGetValue(key, out var text))
        {
            var hint = Prompts.ContainsKey(key) ? " It is a prompt: use Prompt()." : string.Empty;
            throw new KeyNotFoundException($"No message '{key}' in messages.yaml.{hint}");
        }

        var settings = Locale(locale);
        return Fill(text.For(settings.Locale), key, settings, args);
    }

    public PromptContent Prompt(string key, string? locale)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        if (!Prompts.TryGetValue(key, out var prompt))
        {
            throw new KeyNotFoundException($"No prompt '{key}' in prompts.yaml.");
        }

        var settings = Locale(locale);
        return _prompts.TryGetValue((key, settings.Locale), out var built)
            ? built
            : _prompts.GetOrAdd((key, settings.Locale), BuildPrompt(key, prompt, settings));
    }

    private PromptContent BuildPrompt(string key, PromptYaml prompt, LocaleSettings settings)
    {
        ChoiceContent[] choices = [.. (prompt.Choices ?? []).Select(c => new ChoiceContent(
            c.Id,
            Fill(c.Title?.For(settings.Locale) ?? c.Id, $"{key} choice {c.Id}", settings, null),
            c.Synonyms ?? []))];
        return new PromptContent(
            key,
            Fill(prompt.Text?.For(settings.Locale) ?? string.Empty, key, settings, null),
            prompt.Retry is null ? null : Fill(prompt.Retry.For(settings.Locale), $"{key} retry", settings, null),
            choices)
        {
            Hedges = prompt.Hedges ?? [],
        };
    }

    public IReadOnlyList<EducationTopic> Education(string? locale)
    {
        var settings = Locale(locale);
        return [.. EducationDefinitions.Select(topic => ToTopic(topic, settings))];
    }

    public DispositionResult Evaluate(IReadOnlySet<string> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);

        // OrderBy is stable: within a level, rules keep their file order.
        var matching = DispositionRules
            .Where(rule => rule.When.Count > 0 && rule.When.All(findings.Contains))
            .OrderBy(rule => rule.Level)
            .ToList();
        if (matching.Count == 0)
        {
            return new DispositionResult(DispositionLevel.SelfCare, [], []);
        }

        var hazards = matching.Where(r => !string.IsNullOrEmpty(r.Hazard)).Select(r => r.Hazard!).Distinct(StringComparer.Ordinal);
        return new DispositionResult(matching[0].Level, [.. hazards], [.. matching.Select(r => r.Id)]) { Matched = matching };
    }

    public IReadOnlyList<RedFlagHit> DetectRedFlags(string text) => ReadRedFlags(text).Present;

    /// <summary>Every text is read; the reading of a text the content offers as an answer is remembered (<see cref="OfferedAnswerReadings"/>).</summary>
    public FreeTextReading ReadRedFlags(string text) => _offeredAnswers.Read(text);

    /// <summary>How many texts the content offers as answers (the most <see cref="ReadRedFlags"/> remembers).</summary>
    internal int OfferedAnswerCount => _offeredAnswers.Count;

    /// <summary>
    /// The words a button press or a chosen answer sends: choice ids, titles (every variant, as written) and synonyms;
    /// education topic ids and titles. Which texts are here only changes what is remembered, never a reading.
    /// </summary>
    internal IEnumerable<string> OfferedAnswerTexts()
    {
        foreach (var choice in Prompts.Values.SelectMany(p => p.Choices ?? []))
        {
            yield return choice.Id;
            foreach (var synonym in choice.Synonyms ?? [])
            {
                yield return synonym;
            }

            foreach (var (_, title) in choice.Title?.All() ?? [])
            {
                yield return title;
            }
        }

        foreach (var topic in EducationDefinitions)
        {
            yield return topic.Id;
            foreach (var (_, title) in topic.Title?.All() ?? [])
            {
                yield return title;
            }
        }
    }

    /// <summary>The value of a manifest placeholder (<c>emergencyNumber</c>, <c>clinicName</c>, ...) for a locale.</summary>
    internal string? ManifestValue(string name, LocaleSettings settings) => name switch
    {
        "emergencyNumber" => settings.EmergencyNumber,
        "emergencyDepartment" => settings.EmergencyDepartment,
        "urgentService" => settings.UrgentService,
        "nonUrgentService" => settings.NonUrgentService,
        "crisisLine" => settings.CrisisLine,
        "physio" => settings.Physio,
        "clinicName" => Files.Manifest.Clinic?.Name,
        "clinicPhone" => Files.Manifest.Clinic?.Phone,
        "clinicEmail" => Files.Manifest.Clinic?.Email,
        _ => null,
    };

    internal string Fill(string text, string key, LocaleSettings settings, IReadOnlyDictionary<string, string>? args)
    {
        if (args is not null && args.Keys.FirstOrDefault(Placeholders.FromManifest.Contains) is { } reserved)
        {
            // Safety: emergency numbers and the like come from the manifest only, never from a caller.
            throw new ArgumentException($"'{reserved}' is filled from manifest.yaml and cannot be passed as an argument.", nameof(args));
        }

        return Placeholders.Fill(text, key, name =>
            Placeholders.FromManifest.Contains(name)
                ? ManifestValue(name, settings)
                : args is not null && args.TryGetValue(name, out var value) ? value : null);
    }

    private EducationTopic ToTopic(EducationYaml topic, LocaleSettings settings)
    {
        var text = Fill(topic.Text?.For(settings.Locale) ?? string.Empty, topic.Id, settings, null);
        var citations = Cite(topic.Source ?? []);
        var source = new ContentSource(string.Join("; ", citations.Select(c => c.Name)), citations);
        return new EducationTopic(
            topic.Id,
            Fill(topic.Title?.For(settings.Locale) ?? topic.Id, topic.Id, settings, null),
            text,
            source,
            topic.ShowFor ?? []);
    }

    private List<Citation> Cite(IEnumerable<string> ids) =>
        [.. ids.Distinct(StringComparer.Ordinal).Select(id => Citations.TryGetValue(id, out var c) ? c : new Citation(id, id, id, null, null))];

    private static Citation ToCitation(CitationYaml c) =>
        new(c.Id, c.Name ?? c.Id, c.Short is { Length: > 0 } shortName ? shortName : c.Name ?? c.Id, c.Url, c.Seed);

    private static LocaleSettings ToSettings(string name, LocaleYaml? locale) => new(
        name,
        locale?.EmergencyNumber ?? string.Empty,
        locale?.EmergencyDepartment ?? string.Empty,
        locale?.UrgentService ?? string.Empty,
        locale?.NonUrgentService ?? string.Empty,
        locale?.CrisisLine ?? string.Empty,
        locale?.Physio ?? string.Empty);
}
