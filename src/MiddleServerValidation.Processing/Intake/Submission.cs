using MiddleServerValidation.Contracts;

namespace MiddleServerValidation.Processing.Intake;

/// <summary>
/// A registration as it arrived, with the insurer that sent it as authentication established it: the one whose broker
/// exchange it came through, or whose API key uploaded the file. A record naming another insurer is refused. Null only
/// for the service's own callers in process (tests, tools), for whom the record's insurer number stands.
/// </summary>
public sealed record Submission(RegisterEnrollee Message, string? Sender);
