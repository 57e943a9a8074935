<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ActivityPage</name>
    <message numerus="yes">
        <source>%n project(s)</source>
        <extracomment>How many letters of each key column stay readable when the window is narrow (see :func:`~.list.readable_widths`): a project&apos;s, meeting&apos;s or event&apos;s name or title, its status, lead member, governance body, place or project; the long free texts (partners, attendees) take what is left, eliding (whole in their tooltip).</extracomment>
        <translation>
            <numerusform>%n project</numerusform>
            <numerusform>%n projects</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n governance body(ies)</source>
        <translation>
            <numerusform>%n governance body</numerusform>
            <numerusform>%n governance bodies</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n meeting(s)</source>
        <translation>
            <numerusform>%n meeting</numerusform>
            <numerusform>%n meetings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n event</numerusform>
            <numerusform>%n events</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BackupsDialog</name>
    <message numerus="yes">
        <source>%n backup(s) cannot be restored (point at one for the reason).</source>
        <translation>
            <numerusform>%n backup cannot be restored (point at it for the reason).</numerusform>
            <numerusform>%n backups cannot be restored (point at one for the reason).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n backup(s), all verified.</source>
        <translation>
            <numerusform>%n backup, all verified.</numerusform>
            <numerusform>%n backups, all verified.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BalancesTab</name>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n member</numerusform>
            <numerusform>%n members</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CallLineExplanation</name>
    <message numerus="yes">
        <source>%n share(s)</source>
        <translation>
            <numerusform>%n share</numerusform>
            <numerusform>%n shares</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CallsPage</name>
    <message numerus="yes">
        <source>%n call(s)</source>
        <translation>
            <numerusform>%n call</numerusform>
            <numerusform>%n calls</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n PDF(s) written in %1</source>
        <translation>
            <numerusform>%n PDF written in %1</numerusform>
            <numerusform>%n PDFs written in %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n reminder(s) written in %1</source>
        <translation>
            <numerusform>%n reminder written in %1</numerusform>
            <numerusform>%n reminders written in %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n call(s) issued</source>
        <translation>
            <numerusform>%n call issued</numerusform>
            <numerusform>%n calls issued</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CostDialog</name>
    <message numerus="yes">
        <source>Total split: %1 (%n member(s))</source>
        <translation>
            <numerusform>Total split: %1 (%n member)</numerusform>
            <numerusform>Total split: %1 (%n members)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CostsPage</name>
    <message numerus="yes">
        <source>%Ln cost(s)</source>
        <translation>
            <numerusform>%Ln cost</numerusform>
            <numerusform>%Ln costs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Total of the %Ln cost(s) shown</source>
        <translation>
            <numerusform>Total of the %Ln cost shown</numerusform>
            <numerusform>Total of the %Ln costs shown</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DashboardTodo</name>
    <message numerus="yes">
        <source>%n call(s) past due: %1 outstanding (oldest due on %2)</source>
        <translation>
            <numerusform>%n call past due: %1 outstanding (due on %2)</numerusform>
            <numerusform>%n calls past due: %1 outstanding (oldest due on %2)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Fiscal year %1: %2 not called yet</source>
        <translation>
            <numerusform>Fiscal year %1: %2 not called yet</numerusform>
            <numerusform>Fiscal year %1: %2 not called yet</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DebtsTab</name>
    <message numerus="yes">
        <source>%n member(s) owing</source>
        <translation>
            <numerusform>%n member owing</numerusform>
            <numerusform>%n members owing</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FundingPage</name>
    <message numerus="yes">
        <source>%n grant(s)</source>
        <translation>
            <numerusform>%n grant</numerusform>
            <numerusform>%n grants</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n funder(s)</source>
        <translation>
            <numerusform>%n funder</numerusform>
            <numerusform>%n funders</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GrantTabs</name>
    <message numerus="yes">
        <source>%n instalment(s)</source>
        <translation>
            <numerusform>%n instalment</numerusform>
            <numerusform>%n instalments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n redistribution(s)</source>
        <translation>
            <numerusform>%n redistribution</numerusform>
            <numerusform>%n redistributions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n member</numerusform>
            <numerusform>%n members</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InKindPage</name>
    <message numerus="yes">
        <source>%n contribution(s)</source>
        <translation>
            <numerusform>%n contribution</numerusform>
            <numerusform>%n contributions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IssueCallsDialog</name>
    <message numerus="yes">
        <source>%n call(s) for %1</source>
        <translation>
            <numerusform>%n call for %1</numerusform>
            <numerusform>%n calls for %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JournalPage</name>
    <message numerus="yes">
        <source>%n change(s) shown</source>
        <translation>
            <numerusform>%n change shown</numerusform>
            <numerusform>%n changes shown</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n most recent change(s) shown</source>
        <translation>
            <numerusform>%n most recent change shown</numerusform>
            <numerusform>%n most recent changes shown</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>KeyDetailPanel</name>
    <message numerus="yes">
        <source>%n record(s)</source>
        <translation>
            <numerusform>%n record</numerusform>
            <numerusform>%n records</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>KeysPage</name>
    <message numerus="yes">
        <source>%n key(s)</source>
        <translation>
            <numerusform>%n key</numerusform>
            <numerusform>%n keys</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n member</numerusform>
            <numerusform>%n members</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n share(s)</source>
        <translation>
            <numerusform>%n share</numerusform>
            <numerusform>%n shares</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Shares of %n cost(s) recomputed.</source>
        <translation>
            <numerusform>Shares of %n cost recomputed.</numerusform>
            <numerusform>Shares of %n costs recomputed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n cost(s) of closed fiscal years keep their shares.</source>
        <translation>
            <numerusform>%n cost of closed fiscal years keeps its shares.</numerusform>
            <numerusform>%n costs of closed fiscal years keep their shares.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ListPanel</name>
    <message numerus="yes">
        <source>Total of the %n row(s) shown</source>
        <extracomment>A paged list&apos;s search text changed: its page asks the service again.</extracomment>
        <translation>
            <numerusform>Total of the %n row shown</numerusform>
            <numerusform>Total of the %n rows shown</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n shown of %1</source>
        <translation>
            <numerusform>%n shown of %1</numerusform>
            <numerusform>%n shown of %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MemberSharesDialog</name>
    <message numerus="yes">
        <source>%n cost(s) in %1 (%2) · the member&apos;s shares: %3</source>
        <translation>
            <numerusform>%n cost in %1 (%2) · the member&apos;s shares: %3</numerusform>
            <numerusform>%n costs in %1 (%2) · the member&apos;s shares: %3</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MembersPage</name>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n member</numerusform>
            <numerusform>%n members</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PaymentsTab</name>
    <message numerus="yes">
        <source>%n payment(s)</source>
        <translation>
            <numerusform>%n payment</numerusform>
            <numerusform>%n payments</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message numerus="yes">
        <source>%1 — %n page(s).</source>
        <translation>
            <numerusform>%1 — %n page.</numerusform>
            <numerusform>%1 — %n pages.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ServiceDetailPanel</name>
    <message numerus="yes">
        <source>%n member(s) · shares %1</source>
        <translation>
            <numerusform>%n member · shares %1</numerusform>
            <numerusform>%n members · shares %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ServicesPage</name>
    <message numerus="yes">
        <source>%n cost(s): %1 excl. VAT + %2 VAT = %3</source>
        <translation>
            <numerusform>%n cost: %1 excl. VAT + %2 VAT = %3</numerusform>
            <numerusform>%n costs: %1 excl. VAT + %2 VAT = %3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n service(s)</source>
        <translation>
            <numerusform>%n service</numerusform>
            <numerusform>%n services</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Total of the %n service(s) shown</source>
        <translation>
            <numerusform>Total of the %n service shown</numerusform>
            <numerusform>Total of the %n services shown</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Service saved; the shares of %n cost(s) were recomputed.</source>
        <translation>
            <numerusform>Service saved; the shares of %n cost were recomputed.</numerusform>
            <numerusform>Service saved; the shares of %n costs were recomputed.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ShareExplanation</name>
    <message numerus="yes">
        <source>%n share(s)</source>
        <translation>
            <numerusform>%n share</numerusform>
            <numerusform>%n shares</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SimulationPage</name>
    <message numerus="yes">
        <source>%n service(s)</source>
        <translation>
            <numerusform>%n service</numerusform>
            <numerusform>%n services</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VersionDialog</name>
    <message numerus="yes">
        <source>%n member(s) take part</source>
        <translation>
            <numerusform>%n member takes part</numerusform>
            <numerusform>%n members take part</numerusform>
        </translation>
    </message>
</context>
</TS>
