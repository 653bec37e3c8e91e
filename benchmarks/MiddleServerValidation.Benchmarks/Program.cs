using MiddleServerValidation.Benchmarks;
using MiddleServerValidation.Benchmarks.Faults;
using MiddleServerValidation.Benchmarks.Reconciliation;
using MiddleServerValidation.Benchmarks.Scenarios;
using MiddleServerValidation.Benchmarks.Seeding;

// msv-bench SCENARIO [--option value ...]: each scenario prints its own figures.
Scenario[] scenarios =
[
    new("seed", "合成データの登録を N 件保存する (--count N, --prefix ID接頭辞)", SeedScenario.RunAsync),
    new("reconcile", "N 件の登録の夜間照合を全手順実行し、手順ごとの所要時間を表示する (--count N、既定 1000万)", ReconciliationScenario.RunAsync),
    new("faults", "ローカルの構成 (RabbitMQ 3 ノード・PostgreSQL 同期スタンバイ・ワーカー 2 つ) に障害を入れ、障害ごとに送信・最終結果・消失・重複・復旧時間を表示する (scripts/faults.sh から)", FaultScenario.RunAsync),
    new("all", "バッチ・単一登録・大規模ストア・メモリの 4 つの数値を測る (--scale 1)", FullRunScenario.RunAsync),
];
return await Scenario.DispatchAsync(scenarios, args);
