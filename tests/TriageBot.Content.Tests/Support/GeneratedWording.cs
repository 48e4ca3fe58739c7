using System.Text;
using TriageBot.Dialogs;

namespace TriageBot.Content.Tests.Support;

/// <summary>
/// Placeholder wording for every key in <see cref="ContentKeys"/>, written next to copies of the real red-flag,
/// context, disposition, hazard, golden, education and sources files. Lets the full validator check the clinical-safety files before the real
/// wording lands.
/// </summary>
internal static class GeneratedWording
{
    public static string CreateFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "triagebot-content-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(folder, "golden"));
        string[] real = [ContentFileNames.RedFlags, ContentFileNames.Context, ContentFileNames.Dispositions, ContentFileNames.HazardLog, ContentFileNames.Golden, ContentFileNames.Education, ContentFileNames.Sources];
        foreach (var file in real)
        {
            File.Copy(Path.Combine(RepoPaths.Content, file), Path.Combine(folder, file));
        }

        File.Copy(Path.Combine(ContentFixture.ValidDirectory, ContentFileNames.Manifest), Path.Combine(folder, ContentFileNames.Manifest));
        File.WriteAllText(Path.Combine(folder, ContentFileNames.Messages), Messages());
        File.WriteAllText(Path.Combine(folder, ContentFileNames.Prompts), Prompts());
        return folder;
    }

    private static string Messages()
    {
        var yaml = new StringBuilder("messages:\n");
        foreach (var key in ContentKeys.All.Where(k => !k.StartsWith("prompt.", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var args = ContentKeys.MessageArguments.TryGetValue(key, out var a) ? a : [];
            // Plain words: advice, safety-net and medicine messages are held to grade 8.
            var text = "Plain words for you to read." + string.Concat(args.Select(x => $" {{{x}}}"));
            if (key.StartsWith("advice.", StringComparison.Ordinal) || key == ContentKeys.Safety.EmergencyRepeat)
            {
                text += " Call {emergencyNumber}.";
            }

            if (key == ContentKeys.Advice.RedFlag.SelfHarm)
            {
                text += " Call {crisisLine}.";
            }

            yaml.Append(Entry(key, text));
        }

        return yaml.ToString();
    }

    private static string Prompts()
    {
        var yaml = new StringBuilder("prompts:\n");
        foreach (var (key, choices) in ContentKeys.PromptChoices.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            yaml.Append($"  {key}:\n    text: \"Question for {key}?\"\n");
            if (choices.Count > 0)
            {
                yaml.Append("    choices:\n");
                foreach (var id in choices)
                {
                    yaml.Append($"      - {{ id: {id}, title: \"{id}\" }}\n");
                }
            }
        }

        return yaml.ToString();
    }

    private static string Entry(string key, string text) => $"  {key}: \"{text}\"\n";
}
