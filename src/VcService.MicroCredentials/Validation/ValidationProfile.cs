namespace VcService.MicroCredentials;

/// <summary>
/// Local rules an issuer adds on top of the Annex I rules (DESIGN §1), e.g. DEQAR's
/// "1–59 ECTS, EQF 5–8 or a QF-EHEA cycle, not a full degree".
/// </summary>
public sealed class ValidationProfile
{
    public required string Name { get; init; }
    /// <summary>When true, workload must be given in ECTS.</summary>
    public bool RequireEcts { get; init; }
    public decimal? MinEcts { get; init; }
    /// <summary>Exclusive upper bound (60 ECTS is a full year / degree-sized programme).</summary>
    public decimal? MaxEctsExclusive { get; init; }
    /// <summary>Level must be EQF within [MinEqf, MaxEqf] or a QF-EHEA cycle.</summary>
    public bool RequireEqfOrCycle { get; init; }
    public int MinEqf { get; init; } = 1;
    public int MaxEqf { get; init; } = 8;

    /// <summary>Annex I rules only.</summary>
    public static readonly ValidationProfile Default = new() { Name = "default" };

    /// <summary>DEQAR micro-credential rules: 1–59 ECTS, EQF 5–8 or a QF-EHEA cycle, not a full degree.</summary>
    public static readonly ValidationProfile Deqar = new()
    {
        Name = "deqar", RequireEcts = true, MinEcts = 1m, MaxEctsExclusive = 60m,
        RequireEqfOrCycle = true, MinEqf = 5, MaxEqf = 8,
    };

    public static ValidationProfile? ByName(string name) => name.Trim().ToLowerInvariant() switch
    {
        "default" or "" => Default,
        "deqar" => Deqar,
        _ => null,
    };

    internal void Apply(HeiRecord record, List<ValidationError> errors)
    {
        var w = record.Workload;
        if (RequireEcts && w.Ects is null)
            errors.Add(new("workload.ects", $"profile '{Name}' requires the workload in ECTS"));
        if (w.Ects is { } ects)
        {
            if (MinEcts is { } min && ects < min)
                errors.Add(new("workload.ects", $"profile '{Name}' requires at least {min} ECTS"));
            if (MaxEctsExclusive is { } max && ects >= max)
                errors.Add(new("workload.ects", $"profile '{Name}' requires fewer than {max} ECTS (a micro-credential is not a full degree)"));
        }
        if (RequireEqfOrCycle)
        {
            var l = record.Level;
            var eqfOk = l.Eqf is { } e && e >= MinEqf && e <= MaxEqf;
            if (!eqfOk && l.QfEheaCycle is null)
                errors.Add(new("level", $"profile '{Name}' requires EQF {MinEqf}–{MaxEqf} or a QF-EHEA cycle"));
        }
    }
}
