using System.Globalization;

namespace MiddleServerValidation.Benchmarks.Runtime;

/// <summary>What Linux says about a process: its peak resident memory and the CPU time it used.</summary>
public static class ProcessStats
{
    private const double ClockTicksPerSecond = 100;

    /// <summary>VmHWM: the largest resident set the process had so far, in bytes; 0 when it is gone.</summary>
    public static long PeakResidentBytes(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    /// <summary>User plus system CPU seconds of the process (and of its children it waited for).</summary>
    public static double CpuSeconds(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // The command name may hold spaces: the fields after it start after the last ')'.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            double Field(int n) => double.Parse(fields[n - 3], CultureInfo.InvariantCulture);
            return (Field(14) + Field(15) + Field(16) + Field(17)) / ClockTicksPerSecond;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    public static int ParentOf(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], CultureInfo.InvariantCulture);
    }

    /// <summary>CPU seconds of a process and of its live children (ended children are in the parent's own figures once reaped).</summary>
    public static double CpuSecondsOfTree(int parent) =>
        CpuSeconds(parent) + Processes().Where(p => p != parent && SafeParentOf(p) == parent).Sum(CpuSeconds);

    /// <summary>CPU seconds of every process whose command line matches.</summary>
    public static double CpuSecondsWhere(Func<string, bool> commandLineMatches) =>
        Processes().Where(p => commandLineMatches(CommandLine(p))).Sum(CpuSeconds);

    private static IEnumerable<int> Processes() =>
        Directory.EnumerateDirectories("/proc").Select(d => int.TryParse(Path.GetFileName(d), out var pid) ? pid : 0).Where(pid => pid > 0);

    private static int SafeParentOf(int pid)
    {
        try
        {
            return ParentOf(pid);
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
        }
        catch (IOException)
        {
            return "";
        }
    }
}
