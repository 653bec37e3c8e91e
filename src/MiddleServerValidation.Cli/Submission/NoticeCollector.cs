using System.Collections.Concurrent;
using MiddleServerValidation.Contracts;

namespace MiddleServerValidation.Cli.Submission;

/// <summary>Collects the notices for the registrations just sent until each has its final outcome.</summary>
internal sealed class NoticeCollector(IEnumerable<(string Insurer, string RegistrationId)> expected)
{
    private readonly HashSet<(string, string)> _expected = [.. expected];
    private readonly ConcurrentDictionary<(string, string), RegistrationNotice> _final = new();
    private readonly TaskCompletionSource _allFinal = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyDictionary<(string, string), RegistrationNotice> Final => _final;

    public void Add(RegistrationNotice notice)
    {
        var key = (notice.InsurerNumber, notice.RegistrationId);
        if (!_expected.Contains(key) || notice.Outcome == Outcomes.Pending)
        {
            return;
        }

        _final[key] = notice;
        if (_final.Count == _expected.Count)
        {
            _allFinal.TrySetResult();
        }
    }

    public async Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            await _allFinal.Task.WaitAsync(timeout, cancellationToken);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }
}
