namespace MiddleServerValidation.Processing.Batches;

/// <summary>
/// The personal numbers of a batch run's chunks that are opened but not yet committed. A chunk opened ahead defers
/// its records of such a number to its commit (<c>DecisionStep.OpenAsync</c>): waiting for the earlier chunk's lock
/// there would hold up every chunk behind it, and in a large file nearly every chunk shares a number with the one
/// before it.
/// </summary>
internal sealed class InFlightNumbers
{
    private readonly Dictionary<string, int> _holders = new(StringComparer.Ordinal);

    /// <summary>Registers a chunk's numbers and returns those an earlier chunk still holds; dispose the registration once it is committed.</summary>
    public (IReadOnlySet<string> Held, IDisposable Registration) Enter(IEnumerable<string> numberKeys)
    {
        var keys = numberKeys.Distinct(StringComparer.Ordinal).ToArray();
        lock (_holders)
        {
            var held = keys.Where(_holders.ContainsKey).ToHashSet(StringComparer.Ordinal);
            foreach (var key in keys)
            {
                _holders[key] = _holders.GetValueOrDefault(key) + 1;
            }

            return (held, new Registration(this, keys));
        }
    }

    private void Leave(string[] keys)
    {
        lock (_holders)
        {
            foreach (var key in keys)
            {
                if (--_holders[key] == 0)
                {
                    _holders.Remove(key);
                }
            }
        }
    }

    private sealed class Registration(InFlightNumbers owner, string[] keys) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.Leave(keys);
            }
        }
    }
}
