<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
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
