using Spectre.Console;

namespace MiddleServerValidation.Benchmarks;

/// <summary>
/// Where the benchmark writes: figures to standard output, usage and refusals to standard error, through
/// Spectre.Console as the msv command line does. Lines are written as plain text, never as markup.
/// </summary>
internal static class BenchmarkConsole
{
    private static readonly IAnsiConsole ErrorConsole = AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(Console.Error),
    });

    static BenchmarkConsole()
    {
        // Figures are usually captured to a file: never wrap them at a guessed terminal width.
        if (Console.IsOutputRedirected)
        {
            AnsiConsole.Profile.Width = 240;
        }

        if (Console.IsErrorRedirected)
        {
            ErrorConsole.Profile.Width = 240;
        }
    }

    public static void Line(string text) => AnsiConsole.WriteLine(text);

    public static void Error(string text) => ErrorConsole.WriteLine(text);
}
