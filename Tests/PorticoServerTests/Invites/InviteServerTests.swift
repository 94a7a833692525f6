import Testing

/// The invite suites that run real servers, one test at a time. Each server's pool may
/// open 20 connections, and the cap and race tests make it do so; the test cluster
/// (max_connections 200) is shared by every suite running in parallel.
@Suite(.serialized) struct InviteServerTests {}
