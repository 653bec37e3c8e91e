using MiddleServerValidation.Worker;

await WorkerApp.Build(args).RunAsync();
