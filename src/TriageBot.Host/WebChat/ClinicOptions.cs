using System.Text.RegularExpressions;

namespace TriageBot.Host.WebChat;

/// <summary>Clinic branding for the chat page (configuration section <c>Clinic</c>).</summary>
public sealed partial class ClinicOptions
{
    public const string SectionName = "Clinic";

    /// <summary>Shown in the page header and title.</summary>
    public string Name { get; set; } = "Spine Clinic";

    /// <summary>The clinic's own phone number; empty hides it.</summary>
    public string Phone { get; set; } = "";

    /// <summary>A CSS hex colour (<c>#005eb8</c>). Anything else falls back to the default, so config can never inject CSS.</summary>
    public string PrimaryColor { get; set; } = DefaultPrimaryColor;

    /// <summary>The number in the emergency line and the emergency call button.</summary>
    public string EmergencyNumber { get; set; } = "999";

    /// <summary>Where an urgent outcome sends people, in the banner ("contact your GP or call 111 today").</summary>
    public string UrgentAdvice { get; set; } = "Contact your GP today, or call 111 if you cannot reach them.";

    internal const string DefaultPrimaryColor = "#005eb8";

    internal string SafePrimaryColor => HexColor().IsMatch(PrimaryColor) ? PrimaryColor : DefaultPrimaryColor;

    /// <summary>Digits, spaces and a leading plus only: the value goes into a <c>tel:</c> link.</summary>
    internal static string SafePhone(string value) => PhoneNumber().IsMatch(value) ? value.Trim() : "";

    [GeneratedRegex("^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")]
    private static partial Regex HexColor();

    [GeneratedRegex(@"^\s*\+?[0-9][0-9 ]{1,30}\s*$")]
    private static partial Regex PhoneNumber();
}
