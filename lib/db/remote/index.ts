export { openRemoteDatabase, type RemoteDatabaseOptions } from "./remote-driver";
export { createRemoteDatabaseHost, type RemoteDatabaseHost, type RemoteAnswer } from "./remote-host";
export { remoteOperationSchema, functionsSecretHeader, type RemoteOperation } from "./remote-operation";
