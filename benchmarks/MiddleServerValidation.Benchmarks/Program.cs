using MiddleServerValidation.Benchmarks;
using MiddleServerValidation.Benchmarks.Scenarios;
using MiddleServerValidation.Benchmarks.Seeding;

// msv-bench SCENARIO [--option value ...]: each scenario prints its own figures.
Scenario[] scenarios =
[
    new("seed", "合成データの登録を N 件保存する (--count N, --prefix ID接頭辞)", SeedScenario.RunAsync),
    new("all", "バッチ・単一登録・大規模ストア・メモリの 4 つの数値を測る (--scale 1)", FullRunScenario.RunAsync),
];
return await Scenario.DispatchAsync(scenarios, args);
