"""nbgrader settings for ``make tutor``: where the course is.

nbgrader's JupyterLab tools look for an nbgrader_config.py in the folder JupyterLab started in
and in each Jupyter settings folder; this one (found through JUPYTER_CONFIG_PATH) points them at
the course folder, assignments/, whose own nbgrader_config.py nbgrader then reads as well.
"""

import os

c = get_config()  # noqa: F821 - provided by nbgrader when it reads this file

_repository = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
c.CourseDirectory.root = os.path.join(_repository, "assignments")
