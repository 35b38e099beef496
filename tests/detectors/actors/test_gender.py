from spinscope.detectors.actors import gender


def test_first_names_the_census_gives_one_sex():
    assert gender.of_first_name("Hillary") == gender.FEMALE
    assert gender.of_first_name("Donald") == gender.MALE
    assert gender.of_first_name("Jordan") is None  # given to both
    assert gender.of_first_name("Barack") is None  # not listed


def test_person_gender_from_titles_roles_and_names():
    assert gender.of_person(["Clinton"], {"mrs"}) == gender.FEMALE
    assert gender.of_person(["Jesse Lehrich"], {"spokesman"}) == gender.MALE
    assert gender.of_person(["Obama"], {"president"}) is None
    assert gender.of_person(["Donald Trump"], {"wife"}) is None  # evidence both ways: no gender


def test_pronoun_agreement():
    assert gender.agrees("She", gender.FEMALE) and not gender.agrees("she", gender.MALE)
    assert gender.agrees("his", None) and gender.agrees("him", gender.MALE) and not gender.agrees("her", gender.MALE)
