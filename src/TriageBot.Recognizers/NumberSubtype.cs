using System.Diagnostics.CodeAnalysis;

namespace TriageBot.Recognizers;

/// <summary>How a number was written, as Recognizers-Text reports it.</summary>
[SuppressMessage("Naming", "CA1720", Justification = "The member names are the subtype names of the Recognizers-Text spec.")]
public enum NumberSubtype
{
    /// <summary>"42", "forty two", "10k".</summary>
    Integer,

    /// <summary>"4.5", "two point five".</summary>
    Decimal,

    /// <summary>"3/4", "three quarters", "7 out of 10", "six and a half".</summary>
    Fraction,

    /// <summary>"1e10", "2.5^-1", "1.3x10^6".</summary>
    Power,
}
