using System.Text.RegularExpressions;
using TriageBot.Content.HazardLog;
using TriageBot.Content.Yaml;

namespace TriageBot.Content.Validation;

/// <summary>
/// hazard-log.yaml, the DCB0129 hazard log: unique, well-formed ids; every field of the shape filled; risks on the
/// 5x5 matrix with the rating the matrix gives, and the residual risk no worse than the initial one. A hazard that
/// content uses (a red-flag or disposition rule names it) must have at least one control and at least one test; so
/// must a closed one. A hazard no content uses yet may stay open without tests, so the log can name a hazard before
/// its screen exists. That the named tests exist is checked by the test suite (it can read the tests' source).
/// </summary>
internal static partial class HazardLogChecks
{
    private const string File = ContentFileNames.HazardLog;

    /// <summary>DCB0129 hazard statuses.</summary>
    public static readonly IReadOnlyList<string> Statuses = ["open", "transferred", "closed"];

    public static readonly IReadOnlyList<string> ControlKinds = ["content", "code", "test", "process"];

    public static void Check(ContentCatalog catalog, List<string> errors)
    {
        var hazards = catalog.Hazards;
        if (hazards.Count == 0)
        {
            errors.Add($"{File}: no hazards");
        }

        foreach (var id in Ids.Duplicates(hazards.Select(h => h.Id)))
        {
            errors.Add($"{File}: hazard '{id}' is listed more than once");
        }

        foreach (var id in Ids.Duplicates(hazards.SelectMany(h => h.Controls ?? []).Select(c => c.Id)))
        {
            errors.Add($"{File}: control '{id}' is listed more than once");
        }

        var used = catalog.HazardsUsedByContent;
        foreach (var hazard in hazards)
        {
            var at = $"{File}: hazard '{hazard.Id}'";
            if (!Ids.IsHazard(hazard.Id))
            {
                errors.Add($"{at}: id must look like HAZ-NAME");
            }

            CheckText(at, hazard, errors);
            var initial = CheckRisk($"{at}: initialRisk", hazard.InitialRisk, errors);
            var residual = CheckRisk($"{at}: residualRisk", hazard.ResidualRisk, errors);
            if (initial is { } before && residual is { } after && after > before)
            {
                errors.Add($"{at}: residualRisk rating {after} is higher than initialRisk rating {before} (controls cannot add risk)");
            }

            CheckControls(at, hazard.Controls ?? [], errors);
            CheckTests(at, hazard.Tests ?? [], errors);
            CheckStatus(at, hazard, used.Contains(hazard.Id), errors);
        }
    }

    private static void CheckText(string at, HazardYaml hazard, List<string> errors)
    {
        foreach (var (field, value) in new[]
        {
            ("name", hazard.Name), ("summary", hazard.Summary), ("description", hazard.Description),
            ("effect", hazard.Effect), ("harm", hazard.Harm), ("owner", hazard.Owner),
        })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                errors.Add($"{at}: has no {field}");
            }
        }

        if (hazard.Causes is not { Count: > 0 } || hazard.Causes.Any(string.IsNullOrWhiteSpace))
        {
            errors.Add($"{at}: causes must list at least one cause, none empty");
        }
    }

    /// <returns>The rating when the risk is complete and agrees with the matrix; otherwise null (and an error).</returns>
    private static int? CheckRisk(string at, RiskYaml? risk, List<string> errors)
    {
        if (risk is null)
        {
            errors.Add($"{at} is missing (severity, likelihood, rating)");
            return null;
        }

        var valid = true;
        if (RiskMatrix.IndexOf(RiskMatrix.Severities, risk.Severity) < 0)
        {
            errors.Add($"{at}: severity '{risk.Severity}' is not one of {string.Join(", ", RiskMatrix.Severities)}");
            valid = false;
        }

        if (RiskMatrix.IndexOf(RiskMatrix.Likelihoods, risk.Likelihood) < 0)
        {
            errors.Add($"{at}: likelihood '{risk.Likelihood}' is not one of {string.Join(", ", RiskMatrix.Likelihoods)}");
            valid = false;
        }

        if (risk.Rating is not (>= 1 and <= 5))
        {
            errors.Add($"{at}: rating '{risk.Rating}' must be 1 to 5");
            return null;
        }

        if (valid && RiskMatrix.Rating(risk.Severity, risk.Likelihood) is { } expected && expected != risk.Rating)
        {
            errors.Add($"{at}: rating {risk.Rating} does not match the DCB0129 matrix ({risk.Severity}, {risk.Likelihood} = {expected})");
            return null;
        }

        return valid ? risk.Rating : null;
    }

    private static void CheckControls(string at, List<ControlYaml> controls, List<string> errors)
    {
        foreach (var control in controls)
        {
            var where = $"{at}: control '{control.Id}'";
            if (!ControlId().IsMatch(control.Id))
            {
                errors.Add($"{where}: id must look like CTL-NAME-1");
            }

            if (string.IsNullOrWhiteSpace(control.Description))
            {
                errors.Add($"{where}: has no description");
            }

            if (!ControlKinds.Contains(control.Kind ?? string.Empty, StringComparer.Ordinal))
            {
                errors.Add($"{where}: kind '{control.Kind}' is not one of {string.Join(", ", ControlKinds)}");
            }
        }
    }

    private static void CheckTests(string at, List<string> tests, List<string> errors)
    {
        foreach (var test in tests.Where(t => !TestName().IsMatch(t ?? string.Empty)))
        {
            errors.Add($"{at}: test '{test}' is not a fully qualified name (Namespace.Class.Method)");
        }

        foreach (var test in Ids.Duplicates(tests))
        {
            errors.Add($"{at}: test '{test}' is listed more than once");
        }
    }

    private static void CheckStatus(string at, HazardYaml hazard, bool usedByContent, List<string> errors)
    {
        if (!Statuses.Contains(hazard.Status ?? string.Empty, StringComparer.Ordinal))
        {
            errors.Add($"{at}: status '{hazard.Status}' is not one of {string.Join(", ", Statuses)}");
        }

        var why = usedByContent ? "content uses it" : hazard.Status == "closed" ? "it is closed" : null;
        if (why is null)
        {
            return;
        }

        if (hazard.Controls is not { Count: > 0 })
        {
            errors.Add($"{at}: {why}, so it needs at least one control");
        }

        if (hazard.Tests is not { Count: > 0 })
        {
            errors.Add($"{at}: {why}, so it needs at least one test that exercises it");
        }
    }

    [GeneratedRegex("^CTL-[A-Z0-9]+(-[A-Z0-9]+)*$")]
    private static partial Regex ControlId();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*){2,}$")]
    private static partial Regex TestName();
}
