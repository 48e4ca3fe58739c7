using System.Text;
using TriageBot.Dialogs;

namespace TriageBot.Content.Tests.Support;

/// <summary>
/// Placeholder wording for every key in <see cref="ContentKeys"/>, written next to copies of the real red-flag,
/// context, disposition, hazard and golden files. Lets the full validator check the clinical-safety files before the
/// real wording lands.
/// </summary>
internal static class GeneratedWording
{
    public static string CreateFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "triagebot-content-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(folder, "golden"));
        foreach (var file in new[] { ContentFileNames.RedFlags, ContentFileNames.Context, ContentFileNames.Dispositions, ContentFileNames.Hazards, ContentFileNames.Golden })
        {
            File.Copy(Path.Combine(RepoPaths.Content, file), Path.Combine(folder, file));
        }

        File.Copy(Path.Combine(ContentFixture.ValidDirectory, ContentFileNames.Manifest), Path.Combine(folder, ContentFileNames.Manifest));
        File.WriteAllText(Path.Combine(folder, ContentFileNames.Messages), Messages());
        File.WriteAllText(Path.Combine(folder, ContentFileNames.Prompts), Prompts());
        File.WriteAllText(Path.Combine(folder, ContentFileNames.Education), Education());
        return folder;
    }

    private static string Messages()
    {
        var yaml = new StringBuilder("messages:\n");
        foreach (var key in ContentKeys.All.Where(k => !k.StartsWith("prompt.", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var args = ContentKeys.MessageArguments.TryGetValue(key, out var a) ? a : [];
            var text = $"Text for {key}." + string.Concat(args.Select(x => $" {{{x}}}"));
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

    private static string Education() => """
        education:
          - id: education.decompression.what-it-is
            title: "What is it?"
            text: "It takes pressure off the nerves in your back."
            source: { seed: "000_365f1ce3b0475d84.txt", name: "Spine decompression surgery: What you need to know" }
            showFor: [ all ]
        """;

    private static string Entry(string key, string text) => $"  {key}: \"{text}\"\n";
}
