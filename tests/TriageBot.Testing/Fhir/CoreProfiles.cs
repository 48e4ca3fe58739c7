using Firely.Fhir.Validation;
using Hl7.Fhir.Model;
using Hl7.Fhir.Specification.Source;
using Hl7.Fhir.Specification.Terminology;

namespace TriageBot.Testing.Fhir;

/// <summary>
/// Firely's validator with the FHIR R4 core profiles and value sets from the specification.zip that
/// Hl7.Fhir.Specification.Data.R4 ships (offline). One per test run: loading the profiles takes seconds.
/// </summary>
public static class CoreProfiles
{
    private static readonly Lazy<Validator> Shared = new(() =>
    {
        var resolver = new CachedResolver(ZipSource.CreateValidationSource());
        return new Validator(resolver, new LocalTerminologyService(resolver));
    });

    private static readonly Lock Gate = new();

    /// <summary>The errors (and fatal issues) of validating a resource, as readable lines; empty when it is valid.</summary>
    public static IReadOnlyList<string> Errors(Resource resource)
    {
        OperationOutcome outcome;
        lock (Gate)
        {
            outcome = Shared.Value.Validate(resource);
        }

        return [.. outcome.Issue
            .Where(i => i.Severity is OperationOutcome.IssueSeverity.Error or OperationOutcome.IssueSeverity.Fatal)
            .Select(i => $"{i.Severity} {i.Code} at {string.Join(",", i.Expression ?? [])}: {i.Details?.Text ?? i.Diagnostics}")];
    }
}
