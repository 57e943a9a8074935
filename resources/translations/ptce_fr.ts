<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>ArchiveDialog</name>
    <message>
        <source>Archive “%1”</source>
        <translation>Archiver « %1 »</translation>
    </message>
    <message>
        <source>An archived member keeps its whole history (shares, calls, payments) and still appears in the documents of the years it was a member.</source>
        <translation>Un membre archivé garde tout son historique (quotes-parts, appels de fonds, règlements) et figure toujours dans les documents des années où il était membre.</translation>
    </message>
    <message>
        <source>&amp;Leaving date</source>
        <translation>Date de &amp;sortie</translation>
    </message>
    <message>
        <source>Leaving date</source>
        <translation>Date de sortie</translation>
    </message>
</context>
<context>
    <name>DateEdit</name>
    <message>
        <source>dd/mm/yyyy</source>
        <translation>jj/mm/aaaa</translation>
    </message>
    <message>
        <source>Choose in a calendar</source>
        <translation>Choisir dans un calendrier</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>File already open</source>
        <translation>Fichier déjà ouvert</translation>
    </message>
    <message>
        <source>You can open it read-only to look and print, or quit and close the other program first.</source>
        <translation>Vous pouvez l&apos;ouvrir en lecture seule pour consulter et imprimer, ou quitter et fermer d&apos;abord l&apos;autre programme.</translation>
    </message>
    <message>
        <source>Open &amp;read-only</source>
        <translation>Ouvrir en &amp;lecture seule</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>Open a PTCE Desktop file</source>
        <translation>Ouvrir un fichier PTCE Desktop</translation>
    </message>
    <message>
        <source>Where to keep the new pole&apos;s file</source>
        <translation>Où enregistrer le fichier du nouveau pôle</translation>
    </message>
    <message>
        <source>Folder for the copy (a USB key, a shared drive…)</source>
        <translation>Dossier de la copie (clé USB, lecteur partagé…)</translation>
    </message>
    <message>
        <source>PTCE Desktop</source>
        <translation>PTCE Desktop</translation>
    </message>
</context>
<context>
    <name>ErrorPresenter</name>
    <message>
        <source>PTCE Desktop</source>
        <translation>PTCE Desktop</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>Erreur inattendue</translation>
    </message>
    <message>
        <source>Something went wrong inside PTCE Desktop. What you saved before is safe; the last action may not have been completed.</source>
        <translation>Un problème inattendu est survenu dans PTCE Desktop. Ce qui était enregistré avant est intact ; la dernière action n&apos;a peut-être pas été effectuée.</translation>
    </message>
    <message>
        <source>(no log file)</source>
        <translation>(pas de fichier journal)</translation>
    </message>
    <message>
        <source>Please send the details and the log file to whoever supports you:
%1</source>
        <translation>Transmettez les détails et le fichier journal à la personne qui vous assiste :
%1</translation>
    </message>
</context>
<context>
    <name>FiscalYearsBox</name>
    <message>
        <source>Closed</source>
        <translation>Clôturé</translation>
    </message>
    <message>
        <source>Closed on %1</source>
        <translation>Clôturé le %1</translation>
    </message>
    <message>
        <source>Open, current</source>
        <translation>Ouvert, en cours</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouvert</translation>
    </message>
    <message>
        <source>Fiscal years</source>
        <translation>Exercices</translation>
    </message>
    <message>
        <source>Fiscal year</source>
        <translation>Exercice</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Au</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>&amp;Close the year…</source>
        <translation>&amp;Clôturer l&apos;exercice…</translation>
    </message>
    <message>
        <source>&amp;Reopen…</source>
        <translation>&amp;Rouvrir…</translation>
    </message>
    <message>
        <source>Closing a year freezes its shares, calls for funds and payments; a correction then goes into an open year.</source>
        <translation>Clôturer un exercice fige ses quotes-parts, appels de fonds et règlements ; une correction se fait ensuite dans un exercice ouvert.</translation>
    </message>
    <message>
        <source>Close the fiscal year %1?

Its shares, calls for funds and payments will be frozen. Closing cannot be undone with Ctrl+Z (it also empties the undo history); only “Reopen” gives the year back.</source>
        <translation>Clôturer l&apos;exercice %1 ?

Ses quotes-parts, appels de fonds et règlements seront figés. La clôture ne peut pas être annulée avec Ctrl+Z (elle vide aussi l&apos;historique d&apos;annulation) ; seul « Rouvrir » rend l&apos;exercice modifiable.</translation>
    </message>
    <message>
        <source>Note: an earlier fiscal year is still open.</source>
        <translation>Remarque : un exercice antérieur est encore ouvert.</translation>
    </message>
    <message>
        <source>Close a fiscal year</source>
        <translation>Clôturer un exercice</translation>
    </message>
    <message>
        <source>Reopen the fiscal year %1?

Its shares, calls and payments can be changed again. This is recorded in the audit log and cannot be undone with Ctrl+Z.</source>
        <translation>Rouvrir l&apos;exercice %1 ?

Ses quotes-parts, appels de fonds et règlements pourront de nouveau être modifiés. La réouverture est inscrite au journal et ne peut pas être annulée avec Ctrl+Z.</translation>
    </message>
    <message>
        <source>Reopen a fiscal year</source>
        <translation>Rouvrir un exercice</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;New pole…</source>
        <translation>&amp;Nouveau pôle…</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Ouvrir…</translation>
    </message>
    <message>
        <source>&amp;Explore the demo</source>
        <translation>&amp;Explorer la démo</translation>
    </message>
    <message>
        <source>&amp;Save a copy…</source>
        <translation>&amp;Sauvegarder une copie…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>A&amp;jouter…</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>Re&amp;chercher</translation>
    </message>
    <message>
        <source>Show the &amp;navigation</source>
        <translation>Afficher la &amp;navigation</translation>
    </message>
    <message>
        <source>&amp;About PTCE Desktop</source>
        <translation>À &amp;propos de PTCE Desktop</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Édition</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Aid&amp;e</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Barre d&apos;outils principale</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>Lecture seule</translation>
    </message>
    <message>
        <source>The file was opened read-only.</source>
        <translation>Le fichier est ouvert en lecture seule.</translation>
    </message>
    <message>
        <source>(read-only)</source>
        <translation>(lecture seule)</translation>
    </message>
    <message>
        <source>About PTCE Desktop</source>
        <translation>À propos de PTCE Desktop</translation>
    </message>
    <message>
        <source>&lt;h3&gt;PTCE Desktop %1&lt;/h3&gt;&lt;p&gt;Members, shared services, cost sharing to the cent, funding and reports of a pôle territorial de coopération économique.&lt;/p&gt;&lt;p&gt;Free software under the GNU GPL, version 3 or later.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;PTCE Desktop %1&lt;/h3&gt;&lt;p&gt;Membres, services mutualisés, répartition des charges au centime, financements et rapports d&apos;un pôle territorial de coopération économique.&lt;/p&gt;&lt;p&gt;Logiciel libre sous licence GNU GPL, version 3 ou ultérieure.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>MemberDetailPanel</name>
    <message>
        <source>Bank transfer</source>
        <translation>Virement</translation>
    </message>
    <message>
        <source>Cheque</source>
        <translation>Chèque</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>Espèces</translation>
    </message>
    <message>
        <source>Direct debit</source>
        <translation>Prélèvement</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Carte</translation>
    </message>
    <message>
        <source>Offset</source>
        <translation>Compensation</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>Archivé</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Actif</translation>
    </message>
    <message>
        <source>Not a member during this year</source>
        <translation>Non membre durant cet exercice</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>Identité</translation>
    </message>
    <message>
        <source>Short name</source>
        <translation>Nom court</translation>
    </message>
    <message>
        <source>Legal form</source>
        <translation>Forme juridique</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>Joined</source>
        <translation>Adhésion</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Sortie</translation>
    </message>
    <message>
        <source>College</source>
        <translation>Collège</translation>
    </message>
    <message>
        <source>Priority neighbourhood (QPV)</source>
        <translation>Quartier prioritaire (QPV)</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>Figures %1</source>
        <translation>Chiffres %1</translation>
    </message>
    <message>
        <source>No figures declared for this year.</source>
        <translation>Aucun chiffre déclaré pour cet exercice.</translation>
    </message>
    <message>
        <source>Headcount</source>
        <translation>Effectif</translation>
    </message>
    <message>
        <source>FTE</source>
        <translation>ETP</translation>
    </message>
    <message>
        <source>Jobs created</source>
        <translation>Emplois créés</translation>
    </message>
    <message>
        <source>Jobs maintained</source>
        <translation>Emplois maintenus</translation>
    </message>
    <message>
        <source>Volunteers</source>
        <translation>Bénévoles</translation>
    </message>
    <message>
        <source>Turnover</source>
        <translation>Chiffre d&apos;affaires</translation>
    </message>
    <message>
        <source>Shared services used</source>
        <translation>Services mutualisés utilisés</translation>
    </message>
    <message>
        <source>no cost yet</source>
        <translation>pas encore de charge</translation>
    </message>
    <message>
        <source>None this year.</source>
        <translation>Aucun sur cet exercice.</translation>
    </message>
    <message>
        <source>Shares by service and quarter</source>
        <translation>Quotes-parts par service et trimestre</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Total €</source>
        <translation>Total €</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>No share this year.</source>
        <translation>Aucune quote-part sur cet exercice.</translation>
    </message>
    <message>
        <source>Calls for funds</source>
        <translation>Appels de fonds</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Numéro</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>Émis le</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Réglé</translation>
    </message>
    <message>
        <source>No call this year.</source>
        <translation>Aucun appel de fonds sur cet exercice.</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>Règlements</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Mode</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Référence</translation>
    </message>
    <message>
        <source>No payment this year.</source>
        <translation>Aucun règlement sur cet exercice.</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Solde</translation>
    </message>
    <message>
        <source>Called this year</source>
        <translation>Appelé sur l&apos;exercice</translation>
    </message>
    <message>
        <source>Paid this year</source>
        <translation>Réglé sur l&apos;exercice</translation>
    </message>
    <message>
        <source>Still due this year</source>
        <translation>Reste dû sur l&apos;exercice</translation>
    </message>
    <message>
        <source>Still due, all years</source>
        <translation>Reste dû, tous exercices</translation>
    </message>
    <message>
        <source>Select a member to see its year.</source>
        <translation>Sélectionnez un membre pour voir son exercice.</translation>
    </message>
</context>
<context>
    <name>MemberDialog</name>
    <message>
        <source>New member</source>
        <translation>Nouveau membre</translation>
    </message>
    <message>
        <source>Member “%1”</source>
        <translation>Membre « %1 »</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>Identité</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nom</translation>
    </message>
    <message>
        <source>S&amp;hort name</source>
        <translation>Nom &amp;court</translation>
    </message>
    <message>
        <source>&amp;Category</source>
        <translation>C&amp;atégorie</translation>
    </message>
    <message>
        <source>&amp;Legal form</source>
        <translation>&amp;Forme juridique</translation>
    </message>
    <message>
        <source>e.g. association, SCOP, SCIC, SAS</source>
        <translation>ex. association, SCOP, SCIC, SAS</translation>
    </message>
    <message>
        <source>Filled from the SIRET when left empty.</source>
        <translation>Déduit du SIRET s&apos;il est laissé vide.</translation>
    </message>
    <message>
        <source>RNA (associations)</source>
        <translation>RNA (associations)</translation>
    </message>
    <message>
        <source>Address and contact</source>
        <translation>Adresse et contact</translation>
    </message>
    <message>
        <source>&amp;Address</source>
        <translation>A&amp;dresse</translation>
    </message>
    <message>
        <source>&amp;Postcode</source>
        <translation>Code &amp;postal</translation>
    </message>
    <message>
        <source>C&amp;ity</source>
        <translation>&amp;Ville</translation>
    </message>
    <message>
        <source>C&amp;ontact person</source>
        <translation>Pers&amp;onne à contacter</translation>
    </message>
    <message>
        <source>&amp;E-mail</source>
        <translation>&amp;E-mail</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>Membership</source>
        <translation>Adhésion</translation>
    </message>
    <message>
        <source>&amp;Joined on</source>
        <translation>Date d&apos;ad&amp;hésion</translation>
    </message>
    <message>
        <source>Le&amp;ft on</source>
        <translation>Date de &amp;sortie</translation>
    </message>
    <message>
        <source>A member with a leaving date is archived.</source>
        <translation>Un membre qui a une date de sortie est archivé.</translation>
    </message>
    <message>
        <source>Co&amp;llege</source>
        <translation>Co&amp;llège</translation>
    </message>
    <message>
        <source>Located in a priority neighbourhood (QPV)</source>
        <translation>Situé en quartier prioritaire de la ville (QPV)</translation>
    </message>
    <message>
        <source>Territory</source>
        <translation>Territoire</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Figures %1</source>
        <translation>Chiffres %1</translation>
    </message>
    <message>
        <source>Headcount</source>
        <translation>Effectif</translation>
    </message>
    <message>
        <source>FTE</source>
        <translation>ETP</translation>
    </message>
    <message>
        <source>Jobs created</source>
        <translation>Emplois créés</translation>
    </message>
    <message>
        <source>Jobs maintained</source>
        <translation>Emplois maintenus</translation>
    </message>
    <message>
        <source>Volunteers</source>
        <translation>Bénévoles</translation>
    </message>
    <message>
        <source>Declared turnover</source>
        <translation>Chiffre d&apos;affaires déclaré</translation>
    </message>
    <message>
        <source>Add member “%1”</source>
        <translation>Ajouter le membre « %1 »</translation>
    </message>
    <message>
        <source>Edit member “%1”</source>
        <translation>Modifier le membre « %1 »</translation>
    </message>
</context>
<context>
    <name>MembersPage</name>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Short name</source>
        <translation>Nom court</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <source>Joined</source>
        <translation>Adhésion</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Sortie</translation>
    </message>
    <message>
        <source>College</source>
        <translation>Collège</translation>
    </message>
    <message>
        <source>FTE</source>
        <translation>ETP</translation>
    </message>
    <message>
        <source>Full-time equivalents declared for the year</source>
        <translation>Équivalents temps plein déclarés pour l&apos;exercice</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>Archivé</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Actif</translation>
    </message>
    <message>
        <source>Not in this year</source>
        <translation>Hors exercice</translation>
    </message>
    <message>
        <source>Cannot delete</source>
        <translation>Suppression impossible</translation>
    </message>
    <message>
        <source>&amp;Archive instead…</source>
        <translation>&amp;Archiver à la place…</translation>
    </message>
    <message>
        <source>Delete a member</source>
        <translation>Supprimer un membre</translation>
    </message>
    <message>
        <source>Delete “%1”? You can undo it with Ctrl+Z.</source>
        <translation>Supprimer « %1 » ? Vous pourrez annuler avec Ctrl+Z.</translation>
    </message>
    <message>
        <source>Search a member (name, SIRET, college…)</source>
        <translation>Rechercher un membre (nom, SIRET, collège…)</translation>
    </message>
    <message>
        <source>Include &amp;archived members</source>
        <translation>Inclure les membres &amp;archivés</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>A&amp;jouter…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <source>Archi&amp;ve…</source>
        <translation>Archi&amp;ver…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n membre</numerusform>
            <numerusform>%n membres</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 shown of %2</source>
        <translation>%1 affichés sur %2</translation>
    </message>
    <message>
        <source>Archive “%1”</source>
        <translation>Archiver « %1 »</translation>
    </message>
    <message>
        <source>Delete “%1”</source>
        <translation>Supprimer « %1 »</translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <source>Dashboard</source>
        <translation>Tableau de bord</translation>
    </message>
    <message>
        <source>Key figures of the year, what is due and what needs attention.</source>
        <translation>Les chiffres clés de l&apos;exercice, ce qui est dû et ce qui demande votre attention.</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Membres</translation>
    </message>
    <message>
        <source>The register of member organisations, their figures and dates.</source>
        <translation>Le registre des structures membres, leurs effectifs et leurs dates.</translation>
    </message>
    <message>
        <source>Shared services</source>
        <translation>Services mutualisés</translation>
    </message>
    <message>
        <source>The pooled services, their budgets and who uses them.</source>
        <translation>Les services mis en commun, leurs budgets et les membres qui les utilisent.</translation>
    </message>
    <message>
        <source>Allocation keys</source>
        <translation>Clés de répartition</translation>
    </message>
    <message>
        <source>How each service&apos;s costs are split between members.</source>
        <translation>Comment les charges de chaque service sont réparties entre les membres.</translation>
    </message>
    <message>
        <source>Costs</source>
        <translation>Charges</translation>
    </message>
    <message>
        <source>The expenses of the shared services and each member&apos;s share.</source>
        <translation>Les dépenses des services mutualisés et la quote-part de chaque membre.</translation>
    </message>
    <message>
        <source>Calls and payments</source>
        <translation>Appels de fonds et règlements</translation>
    </message>
    <message>
        <source>Calls for funds, true-ups, payments received and balances.</source>
        <translation>Appels de fonds, régularisations, règlements reçus et soldes.</translation>
    </message>
    <message>
        <source>Funding</source>
        <translation>Financements</translation>
    </message>
    <message>
        <source>Funders, grants, instalments and redistributions to members.</source>
        <translation>Financeurs, subventions, versements reçus et reversements aux membres.</translation>
    </message>
    <message>
        <source>In-kind contributions</source>
        <translation>Contributions en nature</translation>
    </message>
    <message>
        <source>Volunteering, premises lent free of charge and gifts in kind.</source>
        <translation>Bénévolat, locaux mis à disposition gratuitement et dons en nature.</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Activité</translation>
    </message>
    <message>
        <source>Projects, governance bodies, meetings and events.</source>
        <translation>Projets, instances, réunions et événements.</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Rapports</translation>
    </message>
    <message>
        <source>The documents funders ask for, as PDF.</source>
        <translation>Les documents demandés par les financeurs, en PDF.</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>The pole&apos;s identity, fiscal years, backups and preferences.</source>
        <translation>L&apos;identité du pôle, les exercices, les sauvegardes et les préférences.</translation>
    </message>
</context>
<context>
    <name>PlaceholderPage</name>
    <message>
        <source>Coming in a later version.</source>
        <translation>Disponible dans une prochaine version.</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Choose the pole&apos;s logo</source>
        <translation>Choisir le logo du pôle</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>Images (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>The pole</source>
        <translation>Le pôle</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nom</translation>
    </message>
    <message>
        <source>&amp;Territory</source>
        <translation>&amp;Territoire</translation>
    </message>
    <message>
        <source>&amp;Address</source>
        <translation>A&amp;dresse</translation>
    </message>
    <message>
        <source>&amp;Postcode</source>
        <translation>Code &amp;postal</translation>
    </message>
    <message>
        <source>C&amp;ity</source>
        <translation>&amp;Ville</translation>
    </message>
    <message>
        <source>&amp;E-mail</source>
        <translation>&amp;E-mail</translation>
    </message>
    <message>
        <source>P&amp;hone</source>
        <translation>Télé&amp;phone</translation>
    </message>
    <message>
        <source>&amp;Website</source>
        <translation>Site &amp;web</translation>
    </message>
    <message>
        <source>&amp;Fiscal year starts in</source>
        <translation>Début de l&apos;e&amp;xercice</translation>
    </message>
    <message>
        <source>Cannot change any more once costs, calls or payments exist.</source>
        <translation>Ne peut plus changer dès qu&apos;il existe des charges, appels de fonds ou règlements.</translation>
    </message>
    <message>
        <source>Carrying structure, bank and signatory</source>
        <translation>Structure porteuse, banque et signataire</translation>
    </message>
    <message>
        <source>RNA (association)</source>
        <translation>RNA (association)</translation>
    </message>
    <message>
        <source>VAT number</source>
        <translation>N° de TVA</translation>
    </message>
    <message>
        <source>VAT</source>
        <translation>TVA</translation>
    </message>
    <message>
        <source>The pole is VAT-registered (it recovers VAT)</source>
        <translation>Le pôle est assujetti à la TVA (il la récupère)</translation>
    </message>
    <message>
        <source>When it is not, costs are shared VAT included.</source>
        <translation>Sinon, les charges sont réparties TTC.</translation>
    </message>
    <message>
        <source>Printed on the calls for funds.</source>
        <translation>Imprimé sur les appels de fonds.</translation>
    </message>
    <message>
        <source>&amp;Legal representative</source>
        <translation>Représentant &amp;légal</translation>
    </message>
    <message>
        <source>e.g. President, Director</source>
        <translation>ex. Président·e, Directeur·rice</translation>
    </message>
    <message>
        <source>Their &amp;title</source>
        <translation>&amp;Qualité</translation>
    </message>
    <message>
        <source>Signs the Cerfa 15059 attestation.</source>
        <translation>Signe l&apos;attestation du Cerfa 15059.</translation>
    </message>
    <message>
        <source>Lea&amp;d member</source>
        <translation>Membre &amp;chef de file</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>&amp;Revert changes</source>
        <translation>&amp;Annuler les modifications</translation>
    </message>
    <message>
        <source>Logo</source>
        <translation>Logo</translation>
    </message>
    <message>
        <source>C&amp;hoose an image…</source>
        <translation>C&amp;hoisir une image…</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>Reti&amp;rer</translation>
    </message>
    <message>
        <source>PNG or JPEG, shown in the header of every document.</source>
        <translation>PNG ou JPEG, affiché dans l&apos;en-tête de chaque document.</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
    <message>
        <source>No logo</source>
        <translation>Pas de logo</translation>
    </message>
    <message>
        <source>Edit the pole&apos;s identity</source>
        <translation>Modifier l&apos;identité du pôle</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Enregistré.</translation>
    </message>
</context>
<context>
    <name>ShareExplanation</name>
    <message>
        <source>equal shares</source>
        <translation>parts égales</translation>
    </message>
    <message>
        <source>units per member</source>
        <translation>unités par membre</translation>
    </message>
    <message>
        <source>usage recorded in the period</source>
        <translation>utilisation relevée sur la période</translation>
    </message>
    <message>
        <source>fixed percentages</source>
        <translation>pourcentages fixes</translation>
    </message>
    <message>
        <source>mixed key</source>
        <translation>clé mixte</translation>
    </message>
    <message numerus="yes">
        <source>%n share(s)</source>
        <translation>
            <numerusform>%n part</numerusform>
            <numerusform>%n parts</numerusform>
        </translation>
    </message>
    <message>
        <source>excl. VAT</source>
        <translation>HT</translation>
    </message>
    <message>
        <source>incl. VAT</source>
        <translation>TTC</translation>
    </message>
    <message>
        <source>Cost “%1”: %2 %3 to split.</source>
        <translation>Charge « %1 » : %2 %3 à répartir.</translation>
    </message>
    <message>
        <source>Key “%1” (%2), version in force from %3.</source>
        <translation>Clé « %1 » (%2), version en vigueur depuis le %3.</translation>
    </message>
    <message>
        <source>• %1 weighs %2: %3 out of %4.</source>
        <translation>• %1 pèse %2 : %3 sur %4.</translation>
    </message>
    <message>
        <source>%1: %2 out of %3.</source>
        <translation>%1 : %2 sur %3.</translation>
    </message>
    <message>
        <source>Present %1 days of the %2 days of the period.</source>
        <translation>Présent %1 jours sur les %2 jours de la période.</translation>
    </message>
    <message>
        <source>Weight: %1 of the total.</source>
        <translation>Poids : %1 du total.</translation>
    </message>
    <message>
        <source>Exact share: %1 (%2 cents).</source>
        <translation>Part exacte : %1 (%2 centimes).</translation>
    </message>
    <message>
        <source>Rounded down to %1, plus one leftover cent (largest remainders first).</source>
        <translation>Arrondi à %1, plus un centime restant (plus grands restes d&apos;abord).</translation>
    </message>
    <message>
        <source>Rounded down to %1.</source>
        <translation>Arrondi à %1.</translation>
    </message>
    <message>
        <source>Share: %1</source>
        <translation>Quote-part : %1</translation>
    </message>
    <message>
        <source>The data behind this share changed since it was computed: computed today %1.</source>
        <translation>Les données de cette quote-part ont changé depuis son calcul : calculée aujourd&apos;hui, elle serait de %1.</translation>
    </message>
    <message>
        <source>Why this amount?</source>
        <translation>Pourquoi ce montant ?</translation>
    </message>
    <message>
        <source>Select a share to see how it was computed.</source>
        <translation>Sélectionnez une quote-part pour voir son calcul.</translation>
    </message>
</context>
<context>
    <name>Shell</name>
    <message>
        <source>The demo is not available in this version.</source>
        <extracomment>Tables whose change may add or close a fiscal year, or rename the pole.</extracomment>
        <translation>La démo n&apos;est pas disponible dans cette version.</translation>
    </message>
    <message>
        <source>Demo pole ready: %1</source>
        <translation>Pôle de démonstration prêt : %1</translation>
    </message>
    <message>
        <source>Building the demo pole…</source>
        <translation>Construction du pôle de démonstration…</translation>
    </message>
    <message>
        <source>Copy saved: %1</source>
        <translation>Copie enregistrée : %1</translation>
    </message>
    <message>
        <source>Saving a copy…</source>
        <translation>Enregistrement de la copie…</translation>
    </message>
</context>
<context>
    <name>TableView</name>
    <message>
        <source>Show all columns</source>
        <translation>Afficher toutes les colonnes</translation>
    </message>
</context>
<context>
    <name>UndoActions</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <source>&amp;Undo “%1”</source>
        <translation>&amp;Annuler « %1 »</translation>
    </message>
    <message>
        <source>&amp;Redo “%1”</source>
        <translation>&amp;Rétablir « %1 »</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <source>Open a PTCE Desktop file</source>
        <translation>Ouvrir un fichier PTCE Desktop</translation>
    </message>
    <message>
        <source>PTCE Desktop files (*.sqlite3 *.db *.ptce);;All files (*)</source>
        <translation>Fichiers PTCE Desktop (*.sqlite3 *.db *.ptce);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Welcome to PTCE Desktop</source>
        <translation>Bienvenue dans PTCE Desktop</translation>
    </message>
    <message>
        <source>Keep your pole&apos;s members, shared services, cost sharing and grants in one file on this computer, and print the documents funders ask for.</source>
        <translation>Tenez les membres, les services mutualisés, la répartition des charges et les subventions de votre pôle dans un seul fichier sur cet ordinateur, et imprimez les documents demandés par les financeurs.</translation>
    </message>
    <message>
        <source>Create a pole</source>
        <translation>Créer un pôle</translation>
    </message>
    <message>
        <source>Start a new file for your pole; you will add members and services next.</source>
        <translation>Commencez un nouveau fichier pour votre pôle ; vous ajouterez ensuite membres et services.</translation>
    </message>
    <message>
        <source>Explore the demo</source>
        <translation>Explorer la démo</translation>
    </message>
    <message>
        <source>Open a sample pole with members, costs and grants to try everything.</source>
        <translation>Ouvrez un pôle d&apos;exemple, avec membres, charges et subventions, pour tout essayer.</translation>
    </message>
    <message>
        <source>Open a file…</source>
        <translation>Ouvrir un fichier…</translation>
    </message>
    <message>
        <source>Open a PTCE Desktop file saved elsewhere (a copy, a USB key…).</source>
        <translation>Ouvrez un fichier PTCE Desktop enregistré ailleurs (une copie, une clé USB…).</translation>
    </message>
    <message>
        <source>Your pole</source>
        <translation>Votre pôle</translation>
    </message>
    <message>
        <source>e.g. Pôle Sud</source>
        <translation>par exemple : Pôle Sud</translation>
    </message>
    <message>
        <source>&amp;Name of the pole</source>
        <translation>&amp;Nom du pôle</translation>
    </message>
    <message>
        <source>e.g. Drôme, Pays de Romans</source>
        <translation>par exemple : Drôme, Pays de Romans</translation>
    </message>
    <message>
        <source>&amp;Territory</source>
        <translation>&amp;Territoire</translation>
    </message>
    <message>
        <source>&amp;Fiscal year starts in</source>
        <translation>&amp;Début de l&apos;exercice</translation>
    </message>
    <message>
        <source>Most poles follow the calendar year (January).</source>
        <translation>La plupart des pôles suivent l&apos;année civile (janvier).</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Retour</translation>
    </message>
    <message>
        <source>&amp;Create the pole</source>
        <translation>&amp;Créer le pôle</translation>
    </message>
    <message>
        <source>Enter the name of the pole.</source>
        <translation>Indiquez le nom du pôle.</translation>
    </message>
    <message>
        <source>The name is too long: %1 characters at most.</source>
        <translation>Le nom est trop long : %1 caractères au maximum.</translation>
    </message>
</context>
<context>
    <name>Worker</name>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Please wait</source>
        <translation>Veuillez patienter</translation>
    </message>
</context>
<context>
    <name>YearSelector</name>
    <message>
        <source>Fiscal year</source>
        <translation>Exercice</translation>
    </message>
    <message>
        <source>The fiscal year shown by every page</source>
        <translation>L&apos;exercice affiché par toutes les pages</translation>
    </message>
</context>
</TS>
