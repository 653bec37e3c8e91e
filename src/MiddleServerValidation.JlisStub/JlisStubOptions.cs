namespace MiddleServerValidation.JlisStub;

/// <summary>Configuration section <c>JlisStub</c> (faults live in <c>JlisStub:Faults</c>, see FaultSettings).</summary>
internal sealed class JlisStubOptions
{
    public const string SectionName = "JlisStub";

    /// <summary>Where the residents CSV is; relative paths are resolved against the current directory.</summary>
    public string? ResidentsFile { get; set; }

    /// <summary>Maps <c>PUT /admin/faults</c> and <c>GET /admin/stats</c>; off by default so nothing can flip faults remotely.</summary>
    public bool AllowRuntimeFaults { get; set; }
}
