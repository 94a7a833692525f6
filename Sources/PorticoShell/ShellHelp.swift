/// The command list `help` prints and the usage lines of wrong invocations.
enum ShellHelp {
    static let usage: [String: String] = [
        "call": "call Service/Method {json} [--format table|json] [> FILE]",
        "create-tenant": "create-tenant NAME ADMIN_NAME ADMIN_EMAIL",
        "describe": "describe Service/Method",
        "exit": "exit",
        "format": "format table|json",
        "help": "help",
        "locations": "locations [CLIENT_ID]",
        "login": "login EMAIL [TENANT_ID]",
        "logout": "logout",
        "methods": "methods [Service]",
        "quit": "quit",
        "save-token": "save-token PATH",
        "services": "services",
        "set-invite-limit": "set-invite-limit TENANT_ID N|default",
        "tenants": "tenants",
        "whoami": "whoami",
        "wo": "wo list [STATUS ...] | wo show WORK_ORDER_ID",
    ]

    static let text = """
        Commands:
          login EMAIL [TENANT_ID]        sign in (the password is asked for, never echoed)
          logout                         sign out and forget the token
          whoami                         who is signed in
          save-token PATH                write the session token to PATH (mode 0600)
          call Service/Method {json}     call any RPC with a proto3 JSON request
          Service.Method {json}          the same, shorter
              [--format table|json] [> FILE]   per-call output format; save the result
          format table|json              how responses are printed from now on
          services                       every service
          methods [Service]              every method (of one service)
          describe Service/Method        request and response fields, and who may call it
          create-tenant NAME ADMIN_NAME ADMIN_EMAIL
                                         Operator/CreateTenant
          tenants                        Operator/ListTenants as a table
          set-invite-limit TENANT_ID N|default
                                         Operator/SetInviteLimit (default: the server's)
          wo list [STATUS ...]           WorkOrders/ListWorkOrders as a table, newest first
                                         (statuses such as open on_hold completed)
          wo show WORK_ORDER_ID          WorkOrders/GetWorkOrder: the work order and its history
          locations [CLIENT_ID]          Locations/ListLocations as a table
          help                           this list
          quit, exit                     leave the shell
        Service names may be short (Operator) or full (portico.v1.Operator).
        """
}
