using MiddleServerValidation.JlisStub;

await JlisStubApp.Build(args).RunAsync();
